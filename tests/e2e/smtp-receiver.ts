import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { E2E, MAIL_DIR, SCREENS_DIR } from "./env";

// A real SMTP server for the browser tests: the demo's job worker delivers
// absence alerts to it, and each accepted message is written as JSON to
// MAIL_DIR for the tests to read.
export { MAIL_DIR };
const PORT = E2E.smtpPort;

export default async function globalSetup() {
  rmSync(MAIL_DIR, { recursive: true, force: true });
  mkdirSync(MAIL_DIR, { recursive: true });
  mkdirSync(SCREENS_DIR, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const id = String(parsed.headers.get("x-schoolkompas-notification") ?? `unknown-${Date.now()}`);
          const to = parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : "";
          const mail = { id, to, subject: parsed.subject ?? "", text: parsed.text ?? "", language: String(parsed.headers.get("content-language") ?? "") };
          // Written aside and renamed: a test polling the directory never reads half a file.
          const file = path.join(MAIL_DIR, `${id}.json`);
          writeFileSync(`${file}.part`, JSON.stringify(mail));
          renameSync(`${file}.part`, file);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(PORT, "127.0.0.1", resolve));
  return async () => new Promise<void>((resolve) => server.close(() => resolve()));
}
