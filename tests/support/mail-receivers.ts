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
  /** Recipients answered with 550 (mailbox unknown) at RCPT TO. */
  rejectRecipient?: (address: string) => boolean;
  /** The server goes away: the port is closed, so a sender gets "connection refused". */
  down(): Promise<void>;
  /** The server comes back on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
};

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const receiver: SmtpReceiver = { url: "", messages: [], down: async () => {}, up: async () => {}, close: async () => {} };
  let port = 0;
  let server: SMTPServer | null = null;
  const listen = async () => {
    const current = createServer(receiver);
    await new Promise<void>((resolve) => current.listen(port, "127.0.0.1", resolve));
    port = (current.server.address() as AddressInfo).port;
    server = current;
  };
  const stop = () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())).then(() => void (server = null));
  await listen();
  receiver.url = `smtp://127.0.0.1:${port}`;
  receiver.down = stop;
  receiver.up = async () => (server ? undefined : listen());
  receiver.close = stop;
  return receiver;
}

function createServer(receiver: SmtpReceiver): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (receiver.rejectRecipient?.(address.address)) {
        const error = new Error("mailbox unavailable") as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
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
}

export type SmsRequest = { authorization: string; idempotencyKey: string; to: string; text: string; reference: string };

export type SmsReceiver = {
  url: string;
  /** The messages the provider accepted (and would send to a phone). */
  requests: SmsRequest[];
  /** Every request that reached the provider, accepted or not. */
  hits: number;
  /** Answer that many requests with 503. */
  failNext: number;
  /** While set, answer every request with this status (503: an outage; 400: an invalid number). */
  answerStatus?: number;
  /** Accept the message, then answer only after this many milliseconds (a slow provider: the sender times out). */
  answerDelayMs?: number;
  /** Like providers that support it: a request with an Idempotency-Key already accepted is answered again, not sent again. */
  honourIdempotencyKey?: boolean;
  close(): Promise<void>;
};

/** A stand-in SMS provider: records each request; `failNext` answers that many with 503. */
export async function startSmsReceiver(): Promise<SmsReceiver> {
  const receiver: SmsReceiver = { url: "", requests: [], hits: 0, failNext: 0, close: async () => {} };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      receiver.hits += 1;
      if (receiver.answerStatus) {
        res.writeHead(receiver.answerStatus).end();
        return;
      }
      if (receiver.failNext > 0) {
        receiver.failNext -= 1;
        res.writeHead(503).end();
        return;
      }
      const json = JSON.parse(body) as { to: string; text: string; reference: string };
      const idempotencyKey = String(req.headers["idempotency-key"] ?? "");
      let index = receiver.honourIdempotencyKey && idempotencyKey ? receiver.requests.findIndex((r) => r.idempotencyKey === idempotencyKey) : -1;
      if (index < 0) {
        receiver.requests.push({ authorization: String(req.headers.authorization ?? ""), idempotencyKey, ...json });
        index = receiver.requests.length - 1;
      }
      const answer = () => {
        if (!res.destroyed) res.writeHead(202, { "content-type": "application/json" }).end(JSON.stringify({ id: `sms-${index + 1}` }));
      };
      if (receiver.answerDelayMs) setTimeout(answer, receiver.answerDelayMs);
      else answer();
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
