import { MAIL_DIR, screen } from "./env";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { auditRows, childrenOf, expect, expectAccessible, query, signIn as signInForm, test } from "./fixtures";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
}

/** Signs in and waits until the portal has taken over from the sign-in page. */
async function signIn(page: Page, email: string) {
  await signInForm(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

// Issue 6 end to end: absence registered by the mentor → same-day e-mails in
// each guardian's language at a real SMTP server → "delivered" for the school;
// a parent's sick report seen by the mentor; the 16-hour list.

type Mail = { id: string; to: string; subject: string; text: string; language: string };
const mails = (): Mail[] =>
  readdirSync(MAIL_DIR).filter((f) => f.endsWith(".json")).map((f) => JSON.parse(readFileSync(path.join(MAIL_DIR, f), "utf8")) as Mail);

/** The most recent school day of a school up to today (weekends and its holidays skipped), as YYYY-MM-DD. */
async function lastSchoolDay(schoolName: string): Promise<string> {
  const holidays = await query<{ startsOn: string; endsOn: string }>(
    `SELECT to_char(h."startsOn", 'YYYY-MM-DD') AS "startsOn", to_char(h."endsOn", 'YYYY-MM-DD') AS "endsOn"
       FROM "SchoolHoliday" h JOIN "School" s ON s.id = h."schoolId" WHERE s.name = $1`,
    [schoolName],
  );
  const today = new Date(new Date().toLocaleDateString("en-CA", { timeZone: "Europe/Amsterdam" }));
  for (let d = today; ; d = new Date(d.getTime() - 86_400_000)) {
    const iso = d.toISOString().slice(0, 10);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !holidays.some((h) => h.startsOn <= iso && iso <= h.endsOn)) return iso;
  }
}

test.describe("absence alerts", () => {
  test("an unauthorised absence reaches both parents by e-mail, in Dutch and Arabic, and shows as delivered", async ({ page }) => {
    const [noor] = await childrenOf("ouder@demo.test");
    const day = await lastSchoolDay(noor.school);
    // Start from a clean day for lessons 3–4, so the registration is new.
    await query(`DELETE FROM "AbsenceRecord" WHERE "pupilId" = $1 AND date = $2::date AND "lessonHour" IN (3, 4)`, [noor.id, day]);

    await signIn(page, "mentor@demo.test");
    await page.goto(`/mentor/pupils/${noor.id}`);
    const form = page.locator("form", { has: page.locator("#absence-date") });
    await form.locator("#absence-date").fill(day);
    await form.locator("#absence-fromLesson").selectOption("3");
    await form.locator("#absence-toLesson").selectOption("4");
    await form.getByRole("radio", { name: "Afwezig zonder toestemming" }).check();
    await form.getByRole("button", { name: "Registreren" }).click();
    await expect(page.getByRole("status").filter({ hasText: "2 lesuren geregistreerd." })).toContainText("De ouders krijgen een bericht.");
    await expectAccessible(page);

    // Within a minute: one e-mail per parent, each in their own language.
    await expect.poll(() => mails().filter((m) => m.text.includes(noor.firstName)).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    const toMother = mails().filter((m) => m.to === "ouder@demo.test");
    const toFather = mails().filter((m) => m.to === "ouder2@demo.test");
    expect(toMother).toHaveLength(1);
    expect(toFather).toHaveLength(1);
    expect(toMother[0]).toMatchObject({ language: "nl", subject: `${noor.firstName} was niet op school` });
    expect(toMother[0].text).toContain("les 3 tot en met 4");
    expect(toMother[0].text).toContain("Marieke Jansen");
    expect(toFather[0]).toMatchObject({ language: "ar", subject: `لم يحضر ${noor.firstName} إلى المدرسة` });

    // The school sees both as delivered.
    await signOut(page);
    await signIn(page, "verzuim@demo.test");
    await expect(page).toHaveURL(/\/attendance$/);
    await page.goto("/attendance/messages");
    for (const id of [toMother[0].id, toFather[0].id]) {
      const [row] = await query<{ status: string }>(`SELECT status FROM "Notification" WHERE id = $1`, [id]);
      expect(row.status).toBe("DELIVERED");
    }
    const rows = page.getByRole("row").filter({ hasText: noor.firstName });
    await expect(rows.first()).toContainText("Afgeleverd");
    await expectAccessible(page);

    // The parent reads it in the portal too.
    await signOut(page);
    await signIn(page, "ouder@demo.test");
    await expect(page.getByRole("heading", { name: "Berichten van school" })).toBeVisible();
    await expect(page.getByText(`${noor.firstName} was niet op school`).first()).toBeVisible();
    const inbox = page.getByRole("region", { name: "Berichten van school" });
    await expect(inbox.getByText("Nieuw").first()).toBeVisible();
    await inbox.getByRole("button", { name: "Alles gelezen" }).click();
    await expect(inbox.getByText("Nieuw")).toHaveCount(0);
    await expect(inbox.getByRole("button", { name: "Alles gelezen" })).toHaveCount(0);
  });

  test("a mentor may not register absence for a pupil outside their classes", async ({ page }) => {
    const [noor] = await childrenOf("ouder@demo.test");
    await signIn(page, "mentor2@demo.test");
    const response = await page.goto(`/mentor/pupils/${noor.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("#absence-date")).toHaveCount(0);
    expect((await auditRows("mentor2@demo.test", "DENIED")).some((r) => r.targetId === noor.id)).toBe(true);
  });
});

/** Signs the parent in and opens their first child's page, after removing that child's sick reports. */
async function openChildWithoutSickReports(page: Page, email: string) {
  const [child] = await childrenOf(email);
  await query(`DELETE FROM "AbsenceRecord" WHERE "sickReportId" IN (SELECT id FROM "SickReport" WHERE "pupilId" = $1)`, [child.id]);
  await query(`DELETE FROM "SickReport" WHERE "pupilId" = $1`, [child.id]);
  await signIn(page, email);
  await page.goto(`/parent/children/${child.id}`);
  return child;
}

test.describe("mail and SMS providers away (issue 21)", () => {
  test("the school sees a message waiting to retry, with its attempt and next time, and one that failed with a readable reason, in Dutch and Arabic", async ({ page }) => {
    test.setTimeout(120_000); // two languages, two widths, two axe runs
    const [noor] = await childrenOf("ouder@demo.test");
    const [facts] = await query<{ guardianId: string; schoolId: string }>(
      `SELECT g.id AS "guardianId", p."schoolId" FROM "Guardian" g JOIN "User" u ON u.id = g."userId" JOIN "Pupil" p ON p.id = $1 WHERE u.email = 'ouder@demo.test'`, [noor.id]);
    // As the worker leaves them (lib/notifications/send-failure.ts): the next attempt tomorrow at 14:05 Dutch time, so the demo's worker leaves it alone.
    const ids = [`e2e-retry-${Date.now()}`, `e2e-failed-${Date.now()}`];
    await query(
      `INSERT INTO "Notification" (id, kind, "guardianId", "pupilId", "schoolId", "aboutDate", channel, locale, address, status, "sendAfter", attempts, "lastError", subject, "createdAt", "updatedAt")
       VALUES ($1, 'ABSENCE_ALERT', $3, $4, $5, (now() AT TIME ZONE 'Europe/Amsterdam')::date - 40, 'EMAIL', 'nl', 'ouder@demo.test', 'PENDING',
               (date_trunc('day', now() AT TIME ZONE 'Europe/Amsterdam') + interval '1 day 14 hours 5 minutes') AT TIME ZONE 'Europe/Amsterdam', 3, 'smtp-unreachable', 'Retry-onderwerp', now(), now()),
              ($2, 'ABSENCE_ALERT', $3, $4, $5, (now() AT TIME ZONE 'Europe/Amsterdam')::date - 41, 'SMS', 'nl', '+31612345678', 'FAILED',
               now() - interval '1 hour', 8, 'sms-temporary 503', 'Mislukt-onderwerp', now() - interval '1 second', now())`,
      [...ids, facts.guardianId, noor.id, facts.schoolId]);
    try {
      await page.setViewportSize({ width: 320, height: 900 });
      await signIn(page, "verzuim@demo.test");
      await page.goto("/attendance/messages");
      await expect(page.getByRole("link", { name: "Wacht op nieuwe poging: 1" })).toBeVisible();
      const retry = page.getByRole("row").filter({ hasText: "Retry-onderwerp" });
      await expect(retry).toContainText("Wacht op nieuwe poging");
      await expect(retry).toContainText(/Poging 3 is mislukt\. Volgende poging: .*14:05/);
      await expect(retry).toContainText("Reden: De mailserver was niet bereikbaar.");
      const failed = page.getByRole("row").filter({ hasText: "Mislukt-onderwerp" });
      await expect(failed).toContainText("Gestopt: ook de nieuwe pogingen lukten niet.");
      await expect(failed).toContainText("Reden: De sms-dienst kon het bericht even niet versturen. (code 503)");
      await expectAccessible(page);
      await page.screenshot({ path: screen("delivery-retry-nl-320.png"), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto("/attendance/messages?status=RETRYING");
      await expect(page.getByRole("heading", { name: "Berichten met status ‘Wacht op nieuwe poging’, nieuwste eerst" })).toBeVisible();
      await expect(page.getByRole("row").filter({ hasText: "Retry-onderwerp" })).toHaveCount(1);
      await expect(page.getByRole("row").filter({ hasText: "Mislukt-onderwerp" })).toHaveCount(0);
      await page.screenshot({ path: screen("delivery-retry-nl-1280.png"), fullPage: true });

      await query(`UPDATE "User" SET locale = 'ar' WHERE email = 'verzuim@demo.test'`);
      await page.goto("/attendance/messages");
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.getByRole("row").filter({ hasText: "Retry-onderwerp" })).toContainText("بانتظار محاولة جديدة");
      await expect(page.getByRole("row").filter({ hasText: "Retry-onderwerp" })).toContainText("تعذّر الوصول إلى خادم البريد.");
      await expectAccessible(page);
      await page.screenshot({ path: screen("delivery-retry-ar-1280.png"), fullPage: true });
      await page.setViewportSize({ width: 320, height: 900 });
      await page.reload();
      await page.screenshot({ path: screen("delivery-retry-ar-320.png"), fullPage: true });
    } finally {
      await query(`UPDATE "User" SET locale = 'nl' WHERE email = 'verzuim@demo.test'`);
      await query(`DELETE FROM "Notification" WHERE id = ANY($1::text[])`, [ids]);
    }
  });
});

test.describe("sick reports", () => {
  test("a parent reports a child sick for coming days; the school's rules are shown first; the mentor sees it", async ({ page }) => {
    const noor = await openChildWithoutSickReports(page, "ouder@demo.test");
    await page.getByText("Nieuwe melding doen").click();
    await expect(page.getByRole("heading", { name: "Goed om te weten" })).toBeVisible();
    await expect(page.getByText(/Voor vandaag melden kan op schooldagen tot 08:30 uur/)).toBeVisible();

    const from = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
    // End before start: explained, nothing written.
    await page.locator("#sr-mode-range").check();
    await page.locator("#sr-from").fill(to);
    await page.locator("#sr-to").fill(from);
    await page.getByRole("radio", { name: "Ziek", exact: true }).check();
    await page.getByRole("button", { name: "Melding versturen" }).click();
    await expect(page.locator("#sr-to-error")).toHaveText("De laatste dag ligt vóór de eerste dag.");
    expect(await query(`SELECT id FROM "SickReport" WHERE "pupilId" = $1`, [noor.id])).toHaveLength(0);

    await page.locator("#sr-mode-range").check();
    await page.locator("#sr-from").fill(from);
    await page.locator("#sr-to").fill(to);
    await page.getByRole("radio", { name: "Ziek", exact: true }).check();
    await page.getByRole("button", { name: "Melding versturen" }).click();
    // The confirmation names the child and the days the server saved, written out in the browser.
    const day = (iso: string) => new Intl.DateTimeFormat("nl", { weekday: "long", day: "numeric", month: "long", timeZone: "Europe/Amsterdam" }).format(new Date(`${iso}T00:00:00Z`));
    await expect(page.getByRole("status").filter({ hasText: "Gemeld:" })).toHaveText(
      new RegExp(`Gemeld: ${noor.firstName} is afwezig van ${day(from)} tot en met ${day(to)}\\.`),
    );
    const reports = await query<{ id: string }>(`SELECT id FROM "SickReport" WHERE "pupilId" = $1`, [noor.id]);
    expect(reports).toHaveLength(1);
    const records = await query<{ reportedBy: string }>(`SELECT "reportedBy" FROM "AbsenceRecord" WHERE "sickReportId" = $1`, [reports[0].id]);
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.reportedBy === "PARENT")).toBe(true);
    await expectAccessible(page);

    // The parent who made it can make it shorter, then withdraw it (issue 18). A longer report is refused first.
    const reportId = reports[0].id;
    const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    // Keep a weekday: from a Saturday move the start, else the end.
    const [newFrom, newTo] = new Date(`${from}T00:00:00Z`).getUTCDay() === 6 ? [shift(from, 1), to] : [from, shift(to, -1)];
    await page.reload();
    await page.getByText("Melding veranderen of intrekken").click();
    await page.locator(`#sr-change-${reportId}-to`).fill(shift(to, 2));
    await page.getByRole("button", { name: "Melding korter maken" }).click();
    await expect(page.locator(".error-summary")).toBeFocused();
    await expect(page.locator(`#sr-change-${reportId}-to-error`)).toHaveText(/alleen korter maken/);
    await expectAccessible(page);
    await page.locator(`#sr-change-${reportId}-from`).fill(newFrom);
    await page.locator(`#sr-change-${reportId}-to`).fill(newTo);
    await page.getByRole("button", { name: "Melding korter maken" }).click();
    await expect(page.getByRole("status").filter({ hasText: "De melding is veranderd." })).toBeVisible();
    const [shortened] = await query<{ startsOn: string; endsOn: string; outside: string }>(
      `SELECT to_char("startsOn", 'YYYY-MM-DD') AS "startsOn", to_char("endsOn", 'YYYY-MM-DD') AS "endsOn",
         (SELECT count(*) FROM "AbsenceRecord" a WHERE a."sickReportId" = r.id AND (a.date < r."startsOn" OR a.date > r."endsOn"))::text AS outside
       FROM "SickReport" r WHERE id = $1`, [reportId]);
    expect(shortened).toEqual({ startsOn: newFrom, endsOn: newTo, outside: "0" });

    await page.getByText("Melding veranderen of intrekken").click();
    await page.getByRole("button", { name: "Melding intrekken" }).click();
    await expect(page.getByRole("status").filter({ hasText: "De melding is ingetrokken." })).toBeVisible();
    // The old report box is gone, and the same days can be reported again.
    await expect(page.getByRole("heading", { name: "Lopende meldingen" })).toHaveCount(0);
    expect(await query(`SELECT id FROM "AbsenceRecord" WHERE "sickReportId" = $1`, [reportId])).toHaveLength(0);
    await page.getByText("Nieuwe melding doen", { exact: true }).click();
    await page.locator("#sr-mode-range").check();
    await page.locator("#sr-from").fill(from);
    await page.locator("#sr-to").fill(to);
    await page.getByRole("button", { name: "Melding versturen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Gemeld:" })).toBeVisible();
    await expect.poll(async () => (await query(`SELECT id FROM "SickReport" WHERE "pupilId" = $1`, [noor.id])).length).toBe(2);

    await signOut(page);
    await signIn(page, "mentor@demo.test");
    await expect(page).toHaveURL(/\/mentor$/);
    const reported = page.getByRole("region", { name: /Ziekmeldingen/ });
    await expect(reported.getByRole("link", { name: new RegExp(noor.firstName) }).first()).toBeVisible();
    // The withdrawn one is folded away under "ended or withdrawn".
    await reported.getByText(/Afgelopen of ingetrokken deze week/).click();
    await expect(reported.getByRole("listitem").filter({ hasText: noor.firstName }).filter({ hasText: "Ingetrokken" }).first()).toBeVisible();
  });

  test("an Arabic-speaking parent withdraws a coming report; the texts are Arabic without a translation library in the browser", async ({ page }) => {
    const child = await openChildWithoutSickReports(page, "ouder2@demo.test");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await page.getByText("تقديم بلاغ جديد").click();
    await expect(page.getByRole("heading", { name: "معلومات مهمة" })).toBeVisible();

    const from = new Date(Date.now() + 8 * 86_400_000).toISOString().slice(0, 10);
    await page.locator("#sr-mode-until-better").check();
    await page.locator("#sr-from").fill(from);
    await page.locator("input[name=reason][value=SICK]").check();
    await page.getByRole("button", { name: "إرسال البلاغ" }).click();
    await expect(page.getByRole("status").filter({ hasText: child.firstName })).toBeVisible();
    const [report] = await query<{ id: string }>(`SELECT id FROM "SickReport" WHERE "pupilId" = $1`, [child.id]);
    expect(report).toBeDefined();

    // A report that has not started yet can be withdrawn.
    await page.reload();
    await page.getByRole("button", { name: "سحب البلاغ" }).click();
    await expect(page.getByRole("status").filter({ hasText: "شكرًا. المدرسة تعرف ذلك الآن." })).toBeVisible();
    const [after] = await query<{ endedAt: Date | null }>(`SELECT "endedAt" FROM "SickReport" WHERE id = $1`, [report.id]);
    expect(after.endedAt).not.toBeNull();
    await expectAccessible(page);
  });
});

test.describe("16 hours of unauthorised absence", () => {
  test("the attendance officer sees pupils over and near the threshold and records a status", async ({ page }) => {
    await signIn(page, "verzuim@demo.test");
    await expect(page).toHaveURL(/\/attendance$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const over = page.getByRole("region", { name: /Over 16 uur/ });
    const near = page.getByRole("region", { name: /Bijna 16 uur/ });
    await expect(over.getByRole("listitem").first()).toBeVisible();
    await expect(near.getByRole("listitem").first()).toBeVisible();
    await expectAccessible(page);

    // "Not required" without a reason is explained; "reported" with a date is kept.
    const card = over.getByRole("listitem").first();
    await card.getByText("Status aanpassen").click();
    await card.getByRole("radio", { name: "Melding niet nodig" }).check();
    await card.getByRole("button", { name: "Status opslaan" }).click();
    await expect(card.getByRole("alert")).toBeAttached();
    await card.getByRole("radio", { name: "Gemeld", exact: true }).check();
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "Europe/Amsterdam" });
    await card.getByLabel("Gemeld op").fill(today);
    await card.getByRole("button", { name: "Status opslaan" }).click();
    await expect(page.getByRole("status").filter({ hasText: "De status is opgeslagen." })).toBeVisible();
    const cases = await query<{ status: string }>(
      `SELECT c.status FROM "ThresholdCase" c JOIN "Staff" s ON s.id = c."updatedById" JOIN "User" u ON u.id = s."userId" WHERE u.email = 'verzuim@demo.test'`,
    );
    expect(cases).toEqual([{ status: "REPORTED" }]);

    // The school leader finds the list from their home page and sees it read-only.
    await signOut(page);
    await signIn(page, "leider@demo.test");
    await page.getByRole("link", { name: "Verzuim: de 16-urengrens" }).click();
    await expect(page).toHaveURL(/\/attendance$/);
    await expect(page.getByRole("region", { name: /Over 16 uur/ }).getByRole("listitem").first()).toBeVisible();
    await expect(page.getByText("Alleen de verzuimcoördinator kan de status aanpassen.")).toBeVisible();
    await expect(page.locator("summary", { hasText: "Status aanpassen" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Status opslaan" })).toHaveCount(0);
  });
});

test.describe("alert settings", () => {
  test("a parent chooses text messages; a wrong number is explained and nothing changes", async ({ page }) => {
    await signIn(page, "ouder3@demo.test");
    await page.goto("/parent/settings");
    await page.getByRole("radio", { name: /Per sms/ }).check();
    await page.getByLabel("Mobiel nummer").fill("010-1234567");
    await page.locator("main").getByRole("button", { name: "Opslaan" }).click();
    await expect(page.locator("#phone-error")).toHaveText("Dit is geen mobiel nummer. Een sms kan alleen naar een mobiel nummer.");
    const before = await query<{ alertChannel: string }>(
      `SELECT g."alertChannel" FROM "Guardian" g JOIN "User" u ON u.id = g."userId" WHERE u.email = 'ouder3@demo.test'`,
    );
    expect(before[0].alertChannel).toBe("EMAIL");
    await page.getByLabel("Mobiel nummer").fill("06-12345678");
    await page.locator("main").getByRole("button", { name: "Opslaan" }).click();
    await expect(page.getByRole("status")).toContainText("Opgeslagen");
    const after = await query<{ alertChannel: string; phone: string }>(
      `SELECT g."alertChannel", g.phone FROM "Guardian" g JOIN "User" u ON u.id = g."userId" WHERE u.email = 'ouder3@demo.test'`,
    );
    expect(after[0]).toEqual({ alertChannel: "SMS", phone: "+31612345678" });
    // A Belgian number written with its country code: stored in E.164, shown back as typed (decision 0033).
    await page.getByLabel("Mobiel nummer").fill("0032 470 12 34 56");
    await page.locator("main").getByRole("button", { name: "Opslaan" }).click();
    const stored = async () => (await query<{ phone: string }>(`SELECT g.phone FROM "Guardian" g JOIN "User" u ON u.id = g."userId" WHERE u.email = 'ouder3@demo.test'`))[0].phone;
    await expect.poll(stored).toBe("+32470123456");
    await page.reload();
    await expect(page.getByLabel("Mobiel nummer")).toHaveValue("0032 470 12 34 56");
    await expectAccessible(page);
  });

  test("an Arabic-speaking parent gets the settings in Arabic, right to left", async ({ page }) => {
    await signIn(page, "ouder2@demo.test");
    await page.goto("/parent/settings");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("رسائل عن الغياب");
    await expectAccessible(page);
  });
});
