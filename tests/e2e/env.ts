import path from "node:path";

// Where a browser-test run lives. Every value can be moved with an environment
// variable, so two runs (e.g. two developers' helpers on one machine) never
// share a port, a database or an output directory.
export const E2E = {
  port: Number(process.env.E2E_PORT ?? 3100),
  dbPort: Number(process.env.E2E_DB_PORT ?? 54339),
  smtpPort: Number(process.env.E2E_SMTP_PORT ?? 2539),
  dataDir: process.env.E2E_DATA_DIR ?? ".data/pg-e2e",
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  /** The second server, with an empty database (only the board and beheer@demo.test): port and database port. */
  get emptyPort() {
    return this.port + 50;
  },
  get emptyDbPort() {
    return this.dbPort + 50;
  },
};

/** Accepted test e-mails, one JSON file each (tests/e2e/smtp-receiver.ts). */
export const MAIL_DIR = path.resolve(E2E.outputDir, "..", `${path.basename(E2E.outputDir)}-mail`);
/** Screenshots to look at. */
export const SCREENS_DIR = path.resolve(`${E2E.outputDir}-screens`);
export const screen = (name: string) => path.join(SCREENS_DIR, name);
