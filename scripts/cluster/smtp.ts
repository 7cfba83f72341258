// The cluster check's SMTP server: the job workers deliver to it, and it
// counts every message it accepts, by the outbox's notification id.
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type Received = { id: string; to: string; text: string };

export async function startSmtpReceiver(port: number): Promise<{ messages: Received[]; stop: () => Promise<void> }> {
  const messages: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : "";
          messages.push({ id: String(parsed.headers.get("x-schoolkompas-notification") ?? ""), to, text: parsed.text ?? "" });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return { messages, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
