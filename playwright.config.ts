import { defineConfig, devices } from "@playwright/test";
import { E2E } from "./tests/e2e/env";

const PORT = E2E.port;
const DB_PORT = E2E.dbPort;
// The test SMTP server (tests/e2e/smtp-receiver.ts) the job worker delivers to.
const SMTP_PORT = E2E.smtpPort;

/** Both test servers deliver e-mail to the test SMTP receiver (tests/e2e/smtp-receiver.ts). */
const serverEnv = (port: number) => ({
  PORT: String(port), DATABASE_URL: "", NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-000000", NEXTAUTH_URL: `http://localhost:${port}`,
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, ALERT_COALESCE_SECONDS: "2", OUTBOX_SWEEP_SECONDS: "5",
  // `npm test` type-checks before the browser tests: the test build skips the same check (next.config.ts).
  NEXT_BUILD_SKIP_TYPECHECK: "1",
});

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/smtp-receiver.ts",
  outputDir: E2E.outputDir,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One worker: tests sign the same demo accounts in and out.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    // A Dutch browser: the portal follows Accept-Language before anyone signs in.
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      // A fresh embedded database with the demo data, a production build, the server.
      command: `npx tsx scripts/demo.ts --fresh --data-dir ${E2E.dataDir} --db-port ${DB_PORT}`,
      url: `http://localhost:${PORT}/api/health`,
      timeout: 600_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      stderr: "pipe",
      env: serverEnv(PORT),
    },
    {
      // A second server on the same build (started after the first is up: Playwright
      // starts web servers one after another) with an EMPTY database — only the board
      // and beheer@demo.test, as `npm run demo -- --empty` — for the school-onboarding test.
      command: `npx tsx scripts/demo.ts --empty --skip-build --fresh --data-dir ${E2E.dataDir}-empty --db-port ${E2E.emptyDbPort}`,
      url: `http://localhost:${E2E.emptyPort}/api/health`,
      timeout: 300_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      stderr: "pipe",
      env: serverEnv(E2E.emptyPort),
    },
  ],
});
