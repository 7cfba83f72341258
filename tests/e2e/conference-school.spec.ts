import type { BrowserContext, Page } from "@playwright/test";
import { screen } from "./env";
import { expect, expectAccessible, expectErrorSummary, expectNoHorizontalScroll, query, signIn, test } from "./fixtures";

// Conference rounds, the school's side (issue 16): leider@ opens a round for
// another class with mentor@ as extra teacher; mentor@ publishes an evening, opens last month's schedule
// (seeded) and sees the interpreter mark (the no-show is in conferences.spec.ts); the print view gives one page per evening; nl + ar, 320 px.

const DAY_MS = 86_400_000;

/** A wall-clock day in Amsterdam, `days` from now ("2026-12-10"). */
function amsterdamDay(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + days * DAY_MS));
}

async function signedIn(context: BrowserContext, email: string, home: RegExp): Promise<Page> {
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(home);
  return page;
}

async function switchLanguage(page: Page, locale: "nl" | "ar") {
  await page.locator("#language-select").selectOption(locale);
  await page.locator('form[action="/api/language"] button[type=submit]').click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

test("the school opens a round, the mentor publishes times and sees last month's interpreter request; the schedule prints one page per evening", async ({ browser }) => {
  test.setTimeout(180_000);
  // A class no demo account has a child in or mentors (the parent-side tests use mentor@'s class);
  // mentor@ takes part as an extra teacher.
  const [otherClass] = await query<{ name: string }>(
    `SELECT c.name FROM "ClassGroup" c JOIN "SchoolYear" y ON y.id = c."schoolYearId"
      WHERE c."schoolId" = (SELECT s."schoolId" FROM "Staff" s JOIN "User" u ON u.id = s."userId" WHERE u.email = 'mentor@demo.test')
        AND y."startsOn" <= now() AND y."endsOn" >= now()::date
        AND NOT EXISTS (SELECT 1 FROM "Mentorship" m JOIN "Staff" s ON s.id = m."staffId" JOIN "User" u ON u.id = s."userId" WHERE m."classGroupId" = c.id AND u.email LIKE '%@demo.test')
        AND NOT EXISTS (SELECT 1 FROM "Pupil" p JOIN "GuardianLink" l ON l."pupilId" = p.id JOIN "Guardian" g ON g.id = l."guardianId" JOIN "User" u ON u.id = g."userId"
                         WHERE p."classGroupId" = c.id AND (u.email LIKE '%@demo.test' OR p."userId" IS NOT NULL))
      ORDER BY c.name LIMIT 1`,
  );
  const title = `Gesprekken ${Date.now()}`;
  const options = { locale: "nl-NL", timezoneId: "Europe/Amsterdam", baseURL: test.info().project.use.baseURL };

  // The school leader.
  const leaderContext = await browser.newContext(options);
  const leader = await signedIn(leaderContext, "leider@demo.test", /\/leader$/);
  await leader.getByRole("link", { name: "Oudergesprekken plannen" }).click();
  await expect(leader.getByRole("heading", { level: 1, name: "Oudergesprekken" })).toBeVisible();
  // A rejected submit first: no name, no class.
  await leader.getByRole("button", { name: "Ronde openen" }).click();
  await expectErrorSummary(leader, "Vul een naam in.");
  await expect(leader.locator(".error-summary")).toContainText("Kies minstens één klas.");
  await expectAccessible(leader);
  await leader.getByLabel("Naam van de ronde").fill(title);
  await leader.getByRole("group", { name: "Klassen" }).getByLabel(otherClass.name, { exact: true }).check();
  await leader.getByRole("group", { name: "Extra docenten (naast de mentoren)" }).getByLabel("Marieke Jansen", { exact: true }).check();
  await leader.getByLabel("Inschrijving gaat open").fill(`${amsterdamDay(1)}T09:00`);
  await leader.getByLabel("Inschrijving sluit").fill(`${amsterdamDay(8)}T17:00`);
  await leader.getByLabel("Minuten per gesprek").fill("10");
  await leader.getByRole("button", { name: "Ronde openen" }).click();
  await expect(leader.getByRole("status")).toHaveText("De gespreksronde is geopend.");
  await expect(leader.getByRole("heading", { level: 3, name: title })).toBeVisible();
  await expectAccessible(leader);
  await leader.screenshot({ path: screen("conference-leader-nl-desktop.png"), fullPage: true });
  // The arrangements of last month's round: the interpreter request, counted per language.
  await leader.getByRole("listitem").filter({ hasText: "Tienminutengesprekken oktober" }).getByRole("link", { name: "Tolken en opvang regelen" }).click();
  await expect(leader.getByRole("heading", { level: 2, name: "Tolken per taal" })).toBeVisible();
  await expect(leader.getByRole("cell", { name: "Arabisch" }).first()).toBeVisible();
  await expectAccessible(leader);
  await leaderContext.close();

  // The mentor.
  const context = await browser.newContext(options);
  const mentor = await signedIn(context, "mentor@demo.test", /\/mentor$/);
  await mentor.getByRole("link", { name: "Oudergesprekken", exact: true }).click();
  await expect(mentor.getByRole("heading", { level: 1, name: "Oudergesprekken" })).toBeVisible();
  const round = mentor.getByRole("listitem").filter({ has: mentor.getByRole("heading", { level: 3, name: title }) });
  await round.locator("summary").click();
  await round.getByLabel("Datum", { exact: true }).fill(amsterdamDay(3));
  await round.getByLabel("Van", { exact: true }).fill("19:00");
  await round.getByLabel("Tot", { exact: true }).fill("20:00");
  await round.getByLabel("Lokaal (mag leeg)").fill("1.14");
  await round.locator("form button[type=submit]", { hasText: "Tijd toevoegen" }).click();
  await expect(round.getByRole("status")).toHaveText("De tijd is toegevoegd: 6 gesprekken.");
  await expect(round.getByText(/19:00–20:00: 6 tijden, 0 geboekt/)).toBeVisible();
  await expectAccessible(mentor);
  // A second evening (the form stays open), then the schedule: printed, one A4 page per evening and no header.
  await expect(round.locator("details")).toHaveAttribute("open", "");
  await round.getByLabel("Datum", { exact: true }).fill(amsterdamDay(4));
  await round.getByLabel("Van", { exact: true }).fill("19:00");
  await round.getByLabel("Tot", { exact: true }).fill("19:30");
  await round.locator("form button[type=submit]", { hasText: "Tijd toevoegen" }).click();
  await expect(round.getByRole("status")).toHaveText("De tijd is toegevoegd: 3 gesprekken.");
  await round.getByRole("link", { name: "Rooster bekijken en afdrukken" }).click();
  await expect(mentor.locator(".schedule-evening")).toHaveCount(2);
  await mentor.emulateMedia({ media: "print" });
  await expect(mentor.locator("body > header")).toBeHidden();
  expect(await mentor.locator(".schedule-evening").first().evaluate((el) => getComputedStyle(el).breakAfter)).toBe("page");
  const pdf = (await mentor.pdf({ format: "A4" })).toString("latin1");
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(2);
  await mentor.screenshot({ path: screen("conference-schedule-print.png"), fullPage: true });
  await mentor.emulateMedia({ media: "screen" });
  await mentor.getByRole("link", { name: "Terug naar oudergesprekken" }).click();

  // Last month's schedule: the interpreter mark (the no-show and the follow-up list are in conferences.spec.ts).
  await mentor.goto("/mentor/conferences");
  const past = mentor.getByRole("listitem").filter({ has: mentor.getByRole("heading", { level: 3, name: "Tienminutengesprekken oktober" }) });
  await past.getByRole("link", { name: "Rooster bekijken en afdrukken" }).click();
  await expect(mentor.getByRole("heading", { level: 1, name: "Rooster: Tienminutengesprekken oktober" })).toBeVisible();
  await expect(mentor.getByText("Tolk: Arabisch")).toBeVisible();
  await expectAccessible(mentor);
  await mentor.screenshot({ path: screen("conference-schedule-nl-desktop.png"), fullPage: true });
  await mentor.goto("/mentor/conferences");
  await expect(mentor.getByRole("region", { name: "Nog niet geboekt" })).toBeVisible();
  await mentor.screenshot({ path: screen("conference-mentor-nl-desktop.png"), fullPage: true });

  // Arabic, 320 px.
  await switchLanguage(mentor, "ar");
  await mentor.setViewportSize({ width: 320, height: 800 });
  await mentor.goto("/mentor/conferences");
  await expect(mentor.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(mentor.getByRole("heading", { level: 1, name: "لقاءات الأولياء" })).toBeVisible();
  await expectAccessible(mentor);
  await mentor.screenshot({ path: screen("conference-mentor-ar-320.png"), fullPage: true });
  await expectNoHorizontalScroll(mentor);
  await mentor.getByRole("listitem").filter({ has: mentor.getByRole("heading", { level: 3, name: "Tienminutengesprekken oktober" }) }).getByRole("link", { name: "عرض الجدول وطباعته" }).click();
  await expect(mentor.getByText("مترجم: العربية")).toBeVisible();
  await expectAccessible(mentor);
  await expectNoHorizontalScroll(mentor);
  await mentor.screenshot({ path: screen("conference-schedule-ar-320.png"), fullPage: true });
  await switchLanguage(mentor, "nl");
  await context.close();
});
