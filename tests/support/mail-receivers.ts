import http from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

// Real receivers for tests: an SMTP server (smtp-server) and an HTTP endpoint
// standing in for an SMS provider. Nothing leaves the machine.

export type ReceivedMail = { notificationId: string; messageId: string; to: string; subject: string; text: string; language: string; html: string };

export type SmtpReceiver = {
  url: string;
  messages: ReceivedMail[];
  /** Called before a message is accepted; return false to answer 451 (not accepted). */
  beforeAccept?: (mail: ReceivedMail) => Promise<boolean> | boolean;
  close(): Promise<void>;
};

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const receiver: SmtpReceiver = { url: "", messages: [], close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const mail: ReceivedMail = {
            notificationId: String(parsed.headers.get("x-schoolkompas-notification") ?? ""),
            messageId: parsed.messageId ?? "",
            to: parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            language: String(parsed.headers.get("content-language") ?? ""),
            html: typeof parsed.html === "string" ? parsed.html : "",
          };
          if (receiver.beforeAccept && !(await receiver.beforeAccept(mail))) {
            const error = new Error("try again later") as Error & { responseCode: number };
            error.responseCode = 451;
            return callback(error);
          }
          receiver.messages.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  receiver.url = `smtp://127.0.0.1:${port}`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}

export type SmsRequest = { authorization: string; idempotencyKey: string; to: string; text: string; reference: string };

export type SmsReceiver = { url: string; requests: SmsRequest[]; failNext: number; close(): Promise<void> };

/** A stand-in SMS provider: records each request; `failNext` answers that many with 503. */
export async function startSmsReceiver(): Promise<SmsReceiver> {
  const receiver: SmsReceiver = { url: "", requests: [], failNext: 0, close: async () => {} };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (receiver.failNext > 0) {
        receiver.failNext -= 1;
        res.writeHead(503).end();
        return;
      }
      const json = JSON.parse(body) as { to: string; text: string; reference: string };
      receiver.requests.push({
        authorization: String(req.headers.authorization ?? ""),
        idempotencyKey: String(req.headers["idempotency-key"] ?? ""),
        ...json,
      });
      res.writeHead(202, { "content-type": "application/json" }).end(JSON.stringify({ id: `sms-${receiver.requests.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/messages`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}

export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs = 20_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
