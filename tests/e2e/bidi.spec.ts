import type { Locator, Page } from "@playwright/test";
import { childrenOf, expect, expectAccessible, expectNoHorizontalScroll, query, signIn, test } from "./fixtures";
import { screen } from "./env";

// Issue 18: mixed-direction text in Arabic pages, the parent's absence
// messages, the restricted guardian, and a real <title> on every page.

const LRI = "\u2066";

/** A left-to-right value (a phone link): marked dir="ltr", on one line, its first character left of its last. */
async function expectLeftToRightOnOneLine(link: Locator) {
  await expect(link).toHaveAttribute("dir", "ltr");
  const geometry = await link.evaluate((element) => {
    const node = document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode()!;
    const length = node.textContent!.length;
    const box = (from: number) => {
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, from + 1);
      return range.getBoundingClientRect();
    };
    const [first, last] = [box(0), box(length - 1)];
    return { first: first.left, last: last.left, firstTop: first.top, lastTop: last.top, whiteSpace: getComputedStyle(element).whiteSpace };
  });
  expect(geometry.whiteSpace).toBe("nowrap");
  expect(geometry.firstTop).toBe(geometry.lastTop);
  expect(geometry.first).toBeLessThan(geometry.last);
}

async function signInAs(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

test("Arabic pages keep phone numbers and codes in order; absence messages say their day and open visibly; a restricted guardian is told whom to ask", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ar", viewport: { width: 320, height: 900 } });
  const page = await context.newPage();

  // The public school page of ouder2@'s child, anonymous, in Arabic at 320 px.
  const [child] = await childrenOf("ouder2@demo.test");
  const [school] = await query<{ slug: string; phone: string }>(
    `SELECT s.slug, s.phone FROM "School" s JOIN "Pupil" p ON p."schoolId" = s.id WHERE p.id = $1`, [child.id]);
  expect(school.phone).toMatch(/\d.*\s.*\d|\d-\d/);
  await page.goto(`/schools/${school.slug}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const schoolPhone = page.locator(`main a[href^="tel:"]`).first();
  await expect(schoolPhone).toHaveText(school.phone);
  await expectLeftToRightOnOneLine(schoolPhone);
  await expectNoHorizontalScroll(page);
  await schoolPhone.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screen("bidi-school-ar-320.png") });

  // The child page as ouder2@ (Arabic): the mentor's phone, the class code isolated.
  await signInAs(page, "ouder2@demo.test");
  await page.goto(`/parent/children/${child.id}`);
  const mentorPhone = page.locator(`main a[href^="tel:"]`).filter({ visible: true }).first();
  await expect(mentorPhone).toBeVisible();
  await expectLeftToRightOnOneLine(mentorPhone);
  const [klass] = await query<{ name: string }>(`SELECT c.name FROM "ClassGroup" c JOIN "Pupil" p ON p."classGroupId" = c.id WHERE p.id = $1`, [child.id]);
  await expect(page.locator("main h1 + *")).toContainText(`${LRI}${klass.name}\u2069`);
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await page.screenshot({ path: screen("bidi-child-top-ar-320.png") });
  await mentorPhone.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screen("bidi-child-mentor-ar-320.png") });

  // The inbox: an absence alert with a long address says the day it is about and opens with a visible control.
  const [link] = await query<{ guardianId: string; schoolId: string }>(
    `SELECT l."guardianId", p."schoolId" FROM "GuardianLink" l JOIN "Guardian" g ON g.id = l."guardianId" JOIN "User" u ON u.id = g."userId"
     JOIN "Pupil" p ON p.id = l."pupilId" WHERE u.email = 'ouder2@demo.test' AND l."pupilId" = $1`, [child.id]);
  const url = `https://portaal.schoolkompas.example/parent/settings/${"zeer-lang-adres-".repeat(4)}einde`;
  await query(
    `INSERT INTO "Notification" (id, kind, "guardianId", "pupilId", "schoolId", "aboutDate", channel, locale, status, "sendAfter", "deliveredAt", subject, body, "updatedAt")
     VALUES ('bidi-e2e-alert', 'ABSENCE_ALERT', $1, $2, $3, '2026-11-23', 'EMAIL', 'ar', 'DELIVERED', now(), now(), 'bidi-e2e', $4, now())
     ON CONFLICT (id) DO UPDATE SET "deliveredAt" = now()`,
    [link.guardianId, child.id, link.schoolId, `نص الرسالة ${url}`]);
  await page.goto("/parent");
  const message = page.locator("li", { has: page.getByText("bidi-e2e") });
  await expect(message).toContainText("23 نوفمبر");
  await expect(message.getByText(url)).toBeHidden();
  await message.getByText("اقرأ الرسالة").click();
  await expect(message.getByText(url)).toBeVisible();
  await expect(message.getByText("أغلق الرسالة")).toBeVisible();
  await expectNoHorizontalScroll(page);
  await message.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screen("bidi-inbox-ar-320.png") });

  // A restricted guardian (Dutch): told the school restricted access, with the school's name and phone.
  await signInAs(page, "beperkt@demo.test");
  await page.goto("/parent");
  const notice = page.getByTestId("restricted-access");
  await expect(notice).toContainText("De school heeft je toegang beperkt");
  await expect(notice.locator(`a[href^="tel:"]`)).toBeVisible();
  await expect(page.getByText("Er zijn nog geen kinderen")).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: screen("bidi-restricted-nl-320.png") });
  await context.close();
});

test("every page has its own title, not only 'Schoolkompas'", async ({ page }) => {
  const bare = "Schoolkompas";
  const titles: Record<string, string> = {};
  const titleOf = async (path: string) => {
    const response = await page.request.get(path, { maxRedirects: 0 });
    const html = await response.text();
    titles[path] = /<title>([^<]*)<\/title>/.exec(html)?.[1]?.trim() ?? `(none: ${response.status()})`;
  };
  const one = async <T extends Record<string, string>>(sql: string, params: unknown[] = []) => (await query<T>(sql, params))[0];
  const [child] = await childrenOf("ouder@demo.test");
  const mentorSchool = await one<{ id: string; slug: string }>(`SELECT s.id, s.slug FROM "School" s JOIN "Pupil" p ON p."schoolId" = s.id WHERE p.id = $1`, [child.id]);
  const other = await one<{ slug: string }>(`SELECT slug FROM "School" WHERE id <> $1 AND slug IS NOT NULL ORDER BY slug LIMIT 1`, [mentorSchool.id]);
  const round = await one<{ id: string }>(`SELECT r.id FROM "ConferenceRound" r WHERE r."schoolId" = $1 ORDER BY r."createdAt" DESC LIMIT 1`, [mentorSchool.id]);
  const question = await one<{ id: string }>(`SELECT q.id FROM "MentorQuestion" q JOIN "Pupil" p ON p.id = q."pupilId" WHERE p."schoolId" = $1 LIMIT 1`, [mentorSchool.id]);
  const staff = await one<{ id: string }>(`SELECT id FROM "Staff" WHERE "schoolId" = $1 LIMIT 1`, [mentorSchool.id]);

  for (const path of ["/login", "/forgot-password", "/set-password", "/", `/schools/${mentorSchool.slug}`, `/compare?schools=${mentorSchool.slug},${other.slug}`, "/no-such-page", "/schools/no-such-school"]) await titleOf(path);
  const visits: [string, string[]][] = [
    ["ouder@demo.test", ["/parent", `/parent/children/${child.id}`, `/parent/children/${child.id}/privacy`, `/parent/children/${child.id}/questions`, "/parent/conferences",
      "/parent/settings", "/parent/announcements", "/account", "/account/data", "/parent/children/no-such-child"]],
    ["mentor@demo.test", ["/mentor", `/mentor/pupils/${child.id}`, "/mentor/invitations", "/mentor/information-requests", "/mentor/announcements", "/mentor/events",
      "/mentor/conferences", `/mentor/conferences/${round.id}`, `/mentor/questions/${question.id}`, "/account/two-step"]],
    ["leider@demo.test", ["/leader", "/leader/indicators", "/leader/information-requests", "/leader/privacy", "/leader/announcements", "/leader/events",
      "/leader/conferences", `/leader/conferences/${round.id}`, `/leader/conferences/${round.id}/arrangements`]],
    ["verzuim@demo.test", ["/attendance", "/attendance/pupils", `/attendance/pupils/${child.id}`, "/attendance/messages"]],
    ["beheer@demo.test", ["/admin", "/admin/benchmarks", "/admin/schools/new", ...["", "/calendar", "/imports", "/invitations", "/retention", "/staff", "/staff/new", `/staff/${staff.id}`]
      .map((p) => `/admin/schools/${mentorSchool.id}${p}`)]],
    ["leerling@demo.test", ["/pupil", "/pupil/privacy"]],
    ["stiefouder@demo.test", ["/parent"]],
  ];
  for (const [email, paths] of visits) {
    await signInAs(page, email);
    for (const path of paths) await titleOf(path);
  }
  const bareOrMissing = Object.entries(titles).filter(([, title]) => title === bare || title.startsWith("(none"));
  expect(bareOrMissing, JSON.stringify(titles, null, 1)).toEqual([]);
  expect(Object.keys(titles).length).toBeGreaterThan(45);
});
