import type { Page } from "@playwright/test";
import { screen } from "./env";
import { expect, expectAccessible, expectNoHorizontalScroll, query, signIn, test } from "./fixtures";

// A board administrator sets up a school from scratch: details and settings (one
// rejected submit), a term, a holiday, a staff member with two roles who is then
// blocked. Then the same pages once in Arabic. One sign-in for all steps.

const DESKTOP = { width: 1280, height: 800 };

/** axe, a full-page screenshot at desktop width and at 320 px, and no sideways scrolling at 320 px. */
async function look(page: Page, name: string) {
  await expectAccessible(page);
  await page.screenshot({ path: screen(`${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: screen(`${name}-320.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
}

/** The focused element is the error summary, and it is in view. */
async function expectSummaryFocusedInView(page: Page) {
  const summary = page.locator(".error-summary");
  await expect(summary).toBeVisible();
  expect(await page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
  const box = await page.evaluate(() => {
    const r = document.activeElement!.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: window.innerHeight };
  });
  expect(box.top).toBeGreaterThanOrEqual(0);
  expect(box.top).toBeLessThan(box.height);
}

const suffix = String(Date.now()).slice(-5);
const brin = `${String(10 + (Number(suffix) % 90))}XE`;
const schoolName = `Kompas Testcollege ${suffix}`;
const staffEmail = `r.dekker.${suffix}@demo.test`;

test.afterAll(async () => {
  // Other specs expect the administrator in Dutch.
  await query(`UPDATE "User" SET locale = 'nl' WHERE email = 'beheer@demo.test'`);
});

test("a board administrator sets up a school, its calendar and a staff member, in Dutch and in Arabic", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await signIn(page, "beheer@demo.test");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Beheer" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Landelijke vergelijkingscijfers" })).toBeVisible();
  await look(page, "admin-home-nl");

  // A new school.
  await page.getByRole("link", { name: "School toevoegen" }).click();
  await expect(page).toHaveURL(/\/admin\/schools\/new$/);
  await page.getByLabel("Naam", { exact: true }).fill(schoolName);
  await page.getByLabel("BRIN-nummer").fill(brin.toLowerCase());
  await page.getByLabel("Vestigingsnummer").fill("03");
  await page.getByLabel("havo", { exact: true }).check();
  await page.getByLabel("vwo", { exact: true }).check();
  await page.getByLabel("Plaats").fill("Amersfoort");
  await page.getByLabel("Postcode").fill("3811ab");
  await page.getByLabel("Telefoonnummer").fill("033-1234567");
  await look(page, "admin-school-new-nl");
  await page.locator("main").getByRole("button", { name: "School toevoegen" }).click();
  await expect(page).toHaveURL(/\/admin\/schools\/[^/]+\?created=1$/);
  await expect(page.getByRole("status").filter({ hasText: "De school is toegevoegd." })).toBeVisible();
  const schoolId = new URL(page.url()).pathname.split("/")[3];
  const [school] = await query<{ brin: string; postalCode: string; phone: string; slug: string }>(`SELECT brin, "postalCode", phone, slug FROM "School" WHERE id = $1`, [schoolId]);
  expect(school).toEqual({ brin, postalCode: "3811 AB", phone: "033 123 4567", slug: `kompas-testcollege-${suffix}` });
  // Not on the public Schoolkompas until it publishes figures.
  const visitor = await page.context().newPage();
  expect((await visitor.goto(`/schools/${school.slug}`))?.status()).toBe(404);
  await visitor.close();

  // Settings: one rejected submit (the error summary takes focus, in view), then a good one.
  await page.getByLabel("Zoveel dagen vooruit melden").fill("400");
  await page.getByLabel("Geen sms vanaf").fill("20:00");
  await page.locator("main").getByRole("button", { name: "Opslaan" }).click();
  await expectSummaryFocusedInView(page);
  await expect(page.locator(".error-summary")).toContainText("Vul een aantal dagen in van 0 tot 365.");
  await expect(page.getByLabel("Geen sms vanaf")).toHaveValue("20:00");
  await look(page, "admin-school-edit-error-nl");
  expect((await query<{ quiet: string }>(`SELECT "quietHoursStart" AS quiet FROM "School" WHERE id = $1`, [schoolId]))[0].quiet).toBe("21:00");
  await page.getByLabel("Zoveel dagen vooruit melden").fill("30");
  await page.locator("main").getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De wijzigingen zijn opgeslagen." })).toBeVisible();
  const [audit] = await query<{ details: Record<string, unknown> }>(`SELECT details FROM "AuditLog" WHERE action = 'school:update' AND "targetId" = $1`, [schoolId]);
  expect(audit.details).toEqual({ sickReportMaxDaysAhead: { old: 60, new: 30 }, quietHoursStart: { old: "21:00", new: "20:00" } });
  await look(page, "admin-school-edit-nl");

  // The calendar: a term and a holiday in the current school year.
  await page.getByRole("navigation", { name: "Beheer van deze school" }).getByRole("link", { name: "Kalender" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kalender" })).toBeVisible();
  const [year] = await query<{ start: string; end: string }>(`SELECT "startsOn"::text AS start, "endsOn"::text AS end FROM "SchoolYear" WHERE "startsOn" <= current_date AND "endsOn" >= current_date`);
  const y = Number(year.start.slice(0, 4));
  await page.locator("#period-form").getByLabel("Eerste dag").fill(year.start);
  await page.locator("#period-form").getByLabel("Laatste dag").fill(`${y}-12-31`);
  await page.locator("main").getByRole("button", { name: "Periode toevoegen" }).click();
  await expect(page.getByText("Periode 1", { exact: true })).toBeVisible();
  await page.locator("#holiday-form").getByLabel("Welke vakantie?").selectOption("other");
  await page.locator("#holiday-form").getByLabel("Eigen naam").fill("Studiedag");
  await page.locator("#holiday-form").getByLabel("Eerste vrije dag").fill(`${y}-11-20`);
  await page.locator("#holiday-form").getByLabel("Laatste vrije dag").fill(`${y}-11-20`);
  await page.locator("main").getByRole("button", { name: "Vakantie toevoegen" }).click();
  await expect(page.getByRole("link", { name: "Studiedag wijzigen" })).toBeVisible();
  await look(page, "admin-calendar-nl");

  // A staff member with two roles, then blocked.
  await page.getByRole("navigation", { name: "Beheer van deze school" }).getByRole("link", { name: "Medewerkers" }).click();
  await page.getByRole("link", { name: "Medewerker toevoegen" }).click();
  await page.getByLabel("Naam", { exact: true }).fill("Ruben Dekker");
  await page.getByLabel("E-mailadres", { exact: true }).fill(staffEmail);
  await page.getByLabel("Mentor", { exact: true }).check();
  await page.getByLabel("Verzuimcoördinator").check();
  await look(page, "admin-staff-new-nl");
  await page.locator("main").getByRole("button", { name: "Account maken" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Het account van Ruben Dekker is gemaakt." })).toBeVisible();
  await expect(page.getByText("Mentor · Verzuimcoördinator")).toBeVisible();
  await look(page, "admin-staff-nl");
  await page.getByRole("link", { name: "Ruben Dekker bekijken of wijzigen" }).click();
  await look(page, "admin-staff-member-nl");
  await page.locator("main").getByRole("button", { name: "Ruben Dekker blokkeren" }).click();
  await expect(page.getByRole("button", { name: "Ruben Dekker deblokkeren" })).toBeVisible();
  const [staff] = await query<{ blocked: boolean; roles: string[] }>(
    `SELECT u."disabledAt" IS NOT NULL AS blocked, ARRAY(SELECT m.role::text FROM "RoleMembership" m WHERE m."userId" = u.id ORDER BY m.role::text) AS roles FROM "User" u WHERE u.email = $1`, [staffEmail]);
  expect(staff).toEqual({ blocked: true, roles: ["ATTENDANCE_OFFICER", "MENTOR"] });

  // The same pages in Arabic (right to left).
  await page.goto("/admin");
  await page.locator("#language-select").selectOption("ar");
  await page.locator("#language-select").locator("xpath=ancestor::form").getByRole("button").click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1, name: "الإدارة" })).toBeVisible();
  await look(page, "admin-home-ar");
  const staffId = (await query<{ id: string }>(`SELECT s.id FROM "Staff" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`, [staffEmail]))[0].id;
  for (const [path, name] of [["", "school-edit"], ["/calendar", "calendar"], ["/staff", "staff"], ["/staff/new", "staff-new"], [`/staff/${staffId}`, "staff-member"]]) {
    await page.goto(`/admin/schools/${schoolId}${path}`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await look(page, `admin-${name}-ar`);
  }
  await page.goto("/admin/schools/new");
  await page.locator("main").getByRole("button", { name: "إضافة المدرسة" }).click();
  await expectSummaryFocusedInView(page);
  await look(page, "admin-school-new-error-ar");
});
