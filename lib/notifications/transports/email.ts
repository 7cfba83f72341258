import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { DeliveryError, reasonText, type OutgoingMessage, type SendResult, type Transport } from "@/lib/notifications/transports/types";

// E-mail through nodemailer. SMTP_URL (smtp://user:pass@host:587) selects a
// real server; without it, development writes each message as an .eml file
// under MAIL_DIR (default .data/mail), never to the console.

const FROM = () => process.env.MAIL_FROM ?? "Schoolkompas <noreply@schoolkompas.local>";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A simple HTML alternative so right-to-left languages display right in mail programs. */
export function htmlBody(text: string, locale: string): string {
  const dir = locale === "ar" ? "rtl" : "ltr";
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  return `<!doctype html><html lang="${locale}" dir="${dir}"><body style="font-family:sans-serif;line-height:1.5">${paragraphs}</body></html>`;
}

/** Message-ID from the outbox id: a resend after a crash carries the same id, so mail programs can fold it. */
export const messageIdFor = (id: string) => `<${id}@schoolkompas.local>`;

function mailOf(message: OutgoingMessage) {
  return {
    from: FROM(),
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: htmlBody(message.text, message.locale),
    messageId: messageIdFor(message.id),
    headers: { "Content-Language": message.locale, "X-Schoolkompas-Notification": message.id },
  };
}

// nodemailer's codes for "could not talk to the server" (refused, DNS, dropped) and for a timeout.
const UNREACHABLE = new Set(["ECONNECTION", "ECONNREFUSED", "ECONNRESET", "EDNS", "ESOCKET", "ETLS", "EPIPE", "EHOSTUNREACH", "ENETUNREACH"]);
const TIMEOUT = new Set(["ETIMEDOUT", "ETIMEOUT", "EGREETING"]);

/**
 * An SMTP failure as a reason without personal data. 5xx (mailbox unknown, message refused)
 * is permanent; 4xx, a refused or dropped connection and a timeout are temporary.
 */
export function smtpError(error: unknown): DeliveryError {
  const e = (error ?? {}) as { responseCode?: unknown; code?: unknown };
  if (typeof e.responseCode === "number" && e.responseCode >= 400 && e.responseCode < 600) {
    const permanent = e.responseCode >= 500;
    return new DeliveryError(reasonText(permanent ? "smtp-rejected" : "smtp-temporary", e.responseCode), permanent);
  }
  const code = typeof e.code === "string" ? e.code : "";
  if (TIMEOUT.has(code)) return new DeliveryError(reasonText("smtp-timeout"), false);
  if (UNREACHABLE.has(code)) return new DeliveryError(reasonText("smtp-unreachable"), false);
  return new DeliveryError(reasonText("smtp-error"), false);
}

/**
 * Time limits per SMTP conversation (SMTP_TIMEOUT_SECONDS, default 20): a server that hangs
 * must give the message back well before the worker's claim on it runs out (120 s), or a
 * second worker could send it while the first is still waiting.
 */
export function smtpUrlWithTimeouts(url: string, env: NodeJS.ProcessEnv): string {
  const seconds = Number(env.SMTP_TIMEOUT_SECONDS);
  const ms = String(Math.round(Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 20_000));
  // nodemailer reads a connection URL and nothing else beside it, so the limits go in its query
  // (numbers there become numbers); a limit already in SMTP_URL wins.
  const parsed = new URL(url);
  for (const key of ["connectionTimeout", "greetingTimeout", "socketTimeout", "dnsTimeout"]) {
    if (!parsed.searchParams.has(key)) parsed.searchParams.set(key, ms);
  }
  return parsed.toString();
}

export function createEmailTransport(env: NodeJS.ProcessEnv = process.env): Transport {
  if (env.SMTP_URL) {
    const transporter = nodemailer.createTransport(smtpUrlWithTimeouts(env.SMTP_URL, env));
    return {
      async send(message: OutgoingMessage): Promise<SendResult> {
        try {
          const info = await transporter.sendMail(mailOf(message));
          return { providerRef: String(info.messageId ?? messageIdFor(message.id)) };
        } catch (error) {
          throw smtpError(error);
        }
      },
      close: () => transporter.close(),
    };
  }
  const dir = path.resolve(env.MAIL_DIR ?? ".data/mail");
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(message: OutgoingMessage): Promise<SendResult> {
      const info = await transporter.sendMail(mailOf(message));
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${message.id}.eml`), info.message as Buffer);
      return { providerRef: `file:${message.id}` };
    },
  };
}
