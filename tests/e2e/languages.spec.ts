import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { screen } from "./env";
import { childrenOf, expect, expectAccessible, expectNoHorizontalScroll, query, signIn, test } from "./fixtures";
import { speechLog, stubSpeech } from "./speech-helpers";

// Every parent, mentor and public page in Turkish, Polish and Ukrainian, on a
// 320 px phone: the page is in that language, axe finds nothing serious, and
// nothing scrolls sideways. One test per language; each signs in twice (its
// demo parent, then mentor@demo.test with that profile language). The demo
// parent's child page shows the subjects in the parent's language and reads
// aloud in it (stubbed speechSynthesis); the school-system page puts the child
// in its place — vmbo-k, havo, mbo.

const LANGUAGES = [
  { locale: "tr", parent: "ouder-tr@demo.test", myChildren: "Çocuklarım", track: "VMBO_K", voice: "tr-TR" },
  { locale: "pl", parent: "ouder-pl@demo.test", myChildren: "Moje dzieci", track: "HAVO", voice: "pl-PL" },
  { locale: "uk", parent: "ouder-uk@demo.test", myChildren: "Мої діти", track: "MBO_3", voice: "uk-UA" },
] as const;

/** A message of the app's catalogue, e.g. catalogue("tr", "readAloud", "readAloud.start"). */
function catalogue(locale: string, area: string, key: string): string {
  let node: unknown = JSON.parse(readFileSync(path.resolve("lib/i18n/messages", area, `${locale}.json`), "utf8"));
  for (const part of key.split(".")) node = (node as Record<string, unknown>)[part];
  return node as string;
}

/** One page: answers 200 in the language, with a title, axe-clean, no sideways scrolling; a screenshot to look at. */
async function expectPage(page: Page, path: string, locale: string, name: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  // The page's own title is translated too (not the bare brand, not Dutch).
  await expect(page).toHaveTitle(/\S/);
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: screen(`lang-${locale}-${name}-320.png`), fullPage: true });
}

/** A Dutch phone browser; with `chosen`, the language chosen with the switch (the cookie). */
async function phone(browser: Browser, baseURL: string | undefined, chosen?: string) {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, baseURL, locale: "nl-NL" });
  if (chosen) await context.addCookies([{ name: "NEXT_LOCALE", value: chosen, url: baseURL! }]);
  return { context, page: await context.newPage() };
}

const one = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await query<T>(sql, params))[0];

for (const { locale, parent, myChildren, track, voice } of LANGUAGES) {
  test(`every parent, mentor and public page in ${locale} at 320 px`, async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    const [child] = await childrenOf(parent);
    expect(child).toBeTruthy();

    // The parent, in the profile's language, on a device with a voice for it (and a Dutch one).
    const parentPhone = await phone(browser, baseURL);
    const p = parentPhone.page;
    await stubSpeech(p, [voice, "nl-NL"]);
    await signIn(p, parent);
    await expect(p).toHaveURL(/\/parent$/);
    await expect(p.getByRole("heading", { level: 1 })).toHaveText(myChildren);
    for (const [path, name] of [
      ["/parent", "overview"],
      [`/parent/children/${child.id}`, "child"],
      [`/parent/children/${child.id}/school-system`, "school-system"],
      [`/parent/children/${child.id}/questions`, "questions"],
      [`/parent/children/${child.id}/privacy`, "privacy"],
      ["/parent/conferences", "conferences"],
      ["/parent/announcements", "announcements"],
      ["/parent/settings", "settings"],
      ["/account", "account"],
      ["/account/data", "data"],
    ] as const) await expectPage(p, path, locale, name);

    // The school-system page puts the child in its track.
    await p.goto(`/parent/children/${child.id}/school-system`);
    await expect(p.locator("[data-testid=system-routes] li[data-here]")).toHaveAttribute("data-node", track);
    // The child page: Dutch (the subject) in the parent's language, and read aloud in it.
    await p.goto(`/parent/children/${child.id}`);
    await expect(p.getByText(catalogue(locale, "schoolWords", "schoolWords.subjects.dutch"), { exact: true }).first()).toBeVisible();
    await p.getByRole("button", { name: catalogue(locale, "readAloud", "readAloud.start") }).click();
    await expect(p.locator(".read-aloud-current")).toHaveCount(1);
    expect((await speechLog(p)).spoken[0]).toMatchObject({ lang: locale, voice });
    await parentPhone.context.close();

    // The mentor, with the same language on the profile (put back afterwards).
    const mentor = await one<{ id: string }>(`SELECT id FROM "User" WHERE email = 'mentor@demo.test'`);
    await query(`UPDATE "User" SET locale = $1::"Locale" WHERE id = $2`, [locale, mentor.id]);
    try {
      const mentorPhone = await phone(browser, baseURL);
      const m = mentorPhone.page;
      await signIn(m, "mentor@demo.test");
      await expect(m).toHaveURL(/\/mentor$/);
      const pupil = await one<{ id: string }>(
        `SELECT p.id FROM "Pupil" p JOIN "Mentorship" ms ON ms."classGroupId" = p."classGroupId" JOIN "Staff" s ON s.id = ms."staffId" JOIN "User" u ON u.id = s."userId"
          WHERE u.email = 'mentor@demo.test' ORDER BY p."lastName", p.id LIMIT 1`,
      );
      const round = await one<{ id: string }>(
        `SELECT r.id FROM "ConferenceRound" r JOIN "ConferenceAvailability" a ON a."roundId" = r.id JOIN "Staff" s ON s.id = a."staffId" JOIN "User" u ON u.id = s."userId"
          WHERE u.email = 'mentor@demo.test' ORDER BY r."bookingClosesAt" DESC LIMIT 1`,
      );
      const question = await one<{ id: string }>(
        `SELECT q.id FROM "MentorQuestion" q JOIN "Pupil" p ON p.id = q."pupilId" JOIN "Mentorship" ms ON ms."classGroupId" = p."classGroupId"
           JOIN "Staff" s ON s.id = ms."staffId" JOIN "User" u ON u.id = s."userId" WHERE u.email = 'mentor@demo.test' ORDER BY q."createdAt" LIMIT 1`,
      );
      for (const [path, name] of [
        ["/mentor", "mentor"],
        [`/mentor/pupils/${pupil.id}`, "mentor-pupil"],
        ["/mentor/conferences", "mentor-conferences"],
        [`/mentor/conferences/${round.id}`, "mentor-schedule"],
        ["/mentor/announcements", "mentor-announcements"],
        [`/mentor/questions/${question.id}`, "mentor-question"],
        ["/mentor/information-requests", "mentor-information"],
        ["/mentor/invitations", "mentor-invitations"],
      ] as const) await expectPage(m, path, locale, name);
      await mentorPhone.context.close();
    } finally {
      await query(`UPDATE "User" SET locale = 'nl' WHERE id = $1`, [mentor.id]);
    }

    // The public pages, in the language chosen with the switch (cookie).
    const visitor = await phone(browser, baseURL, locale);
    const schools = await query<{ slug: string }>(
      `SELECT slug FROM "School" s WHERE EXISTS (SELECT 1 FROM "IndicatorValue" v WHERE v."schoolId" = s.id AND v."publishedAt" IS NOT NULL) ORDER BY name LIMIT 2`,
    );
    for (const [path, name] of [
      ["/", "home"],
      [`/schools/${schools[0].slug}`, "school"],
      [`/compare?schools=${schools.map((s) => s.slug).join(",")}`, "compare"],
    ] as const) await expectPage(visitor.page, path, locale, name);
    await visitor.context.close();
  });
}
