import { screen } from "./env";
import { auditRows, childrenOf, expect, expectAccessible, expectNoHorizontalScroll, query, signIn, test } from "./fixtures";

test.describe("a parent in Dutch", () => {
  test("sees both children, at two schools, with results and absences", async ({ page }) => {
    const children = await childrenOf("ouder@demo.test");
    expect(children).toHaveLength(2);
    expect(new Set(children.map((c) => c.school)).size).toBe(2);

    await signIn(page, "ouder@demo.test");
    await expect(page).toHaveURL(/\/parent$/);
    await expect(page.getByRole("heading", { level: 1, name: "Mijn kinderen" })).toBeVisible();
    const cards = page.locator("main article");
    await expect(cards).toHaveCount(2);
    for (const child of children) {
      const card = cards.filter({ hasText: child.school });
      await expect(card).toHaveCount(1);
      await expect(card.getByText("Nieuwste cijfers")).toBeVisible();
      // Grades in Dutch notation: a decimal comma (the newest may be a word grade, e.g. "O" for PE).
      await expect(card.locator("li").filter({ hasText: /\d,\d/ }).first()).toBeVisible();
      await expect(card.getByText("Ziek", { exact: true })).toBeVisible();
    }
    await expectAccessible(page);
    await page.screenshot({ path: screen("parent-overview-nl.png"), fullPage: true });
  });

  test("opens a child: subjects with assessments, averages, absences and the mentor", async ({ page }) => {
    const [child] = await childrenOf("ouder@demo.test");
    await signIn(page, "ouder@demo.test");
    await expect(page).toHaveURL(/\/parent$/);
    await page.getByRole("link", { name: `Alles over ${child.firstName}` }).click();
    await expect(page).toHaveURL(new RegExp(`/parent/children/${child.id}$`));

    await expect(page.getByRole("heading", { level: 2, name: "Cijfers" })).toBeVisible();
    const subjects = page.locator("details").filter({ has: page.locator("summary").getByText("Gemiddelde") });
    expect(await subjects.count()).toBeGreaterThan(3);
    // An insufficient grade is marked in words, not only in colour.
    await expect(page.getByText("onvoldoende", { exact: true }).first()).toBeAttached();

    const first = subjects.first();
    await first.locator(":scope > summary").click();
    const table = first.locator("table");
    await expect(table.getByRole("columnheader", { name: "Weging" })).toBeVisible();
    await expect(table.locator("tbody tr").first()).toContainText(/^\d+ (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)/);

    await expect(page.getByRole("heading", { level: 2, name: "Afwezigheid" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Dit schooljaar" })).toContainText("Afwezig zonder toestemming");
    await expect(page.getByRole("heading", { level: 2, name: "Mentor", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: /@/ }).first()).toHaveAttribute("href", /^mailto:/);
    await expectAccessible(page);
    await page.screenshot({ path: screen("child-nl.png"), fullPage: true });
  });

  test("works on a 320 px wide phone without horizontal scrolling", async ({ page }) => {
    const [child] = await childrenOf("ouder@demo.test");
    await page.setViewportSize({ width: 320, height: 640 });
    await signIn(page, "ouder@demo.test");
    await expect(page).toHaveURL(/\/parent$/);
    await expectNoHorizontalScroll(page);
    await page.goto(`/parent/children/${child.id}`);
    await page.locator("details").filter({ has: page.locator("summary").getByText("Gemiddelde") }).first().locator(":scope > summary").click();
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: screen("child-320.png"), fullPage: true });
  });

  test("another family's child answers 404 and is audit-logged", async ({ page }) => {
    const [child] = await childrenOf("ouder@demo.test");
    const before = (await auditRows("ouder3@demo.test", "DENIED")).length;
    await signIn(page, "ouder3@demo.test");
    await expect(page).toHaveURL(/\/parent$/);
    await expect(page.locator("main article")).not.toContainText(child.firstName);
    const response = await page.goto(`/parent/children/${child.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze pagina bestaat niet");
    await expect(page.locator("body")).not.toContainText(child.firstName);
    const after = await auditRows("ouder3@demo.test", "DENIED");
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({ action: "pupil:view", pupilId: child.id });
  });
});

test.describe("a parent in Arabic", () => {
  test("sees the portal right-to-left, in Arabic", async ({ page }) => {
    await signIn(page, "ouder2@demo.test");
    await expect(page).toHaveURL(/\/parent$/);
    const html = page.locator("html");
    await expect(html).toHaveAttribute("lang", "ar");
    await expect(html).toHaveAttribute("dir", "rtl");
    await expect(page.locator("main article")).toHaveCount(1);
    await expectAccessible(page);
    await page.screenshot({ path: screen("parent-overview-ar.png"), fullPage: true });

    await page.locator("main article a").first().click();
    await expect(page).toHaveURL(/\/parent\/children\//);
    await expect(html).toHaveAttribute("dir", "rtl");
    await expect(page.locator("h2").first()).toHaveText(/[\u0600-\u06FF]/);
    await page.locator("details summary").first().click();
    await expectAccessible(page);
    await page.screenshot({ path: screen("child-ar.png"), fullPage: true });
  });
});

test("the language choice is stored on the profile", async ({ page, browser }) => {
  await signIn(page, "ouder3@demo.test");
  await expect(page).toHaveURL(/\/parent$/);
  await page.getByLabel("Taal").selectOption("en");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My children");

  // A new browser, without the language cookie, gets the profile's language after sign-in.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, "ouder3@demo.test");
  await expect(otherPage).toHaveURL(/\/parent$/);
  await expect(otherPage.locator("html")).toHaveAttribute("lang", "en");
  await otherPage.getByLabel("Language").selectOption("nl");
  await otherPage.getByRole("button", { name: "Save" }).click();
  await expect(otherPage.locator("html")).toHaveAttribute("lang", "nl");
  await other.close();
});

test("school words in English: subject names translated, explanations open with the keyboard, the school's own text marked Dutch", async ({ page }) => {
  const [child] = await childrenOf("ouder@demo.test");
  // A subject of this child with a test whose description starts with a kind of test ("SO hoofdstuk 3"), entered well before today (released).
  const [test_] = await query<{ subject: string; description: string }>(
    `SELECT su.name AS subject, a.description FROM "Result" re JOIN "Assessment" a ON a.id = re."assessmentId" JOIN "Subject" su ON su.id = a."subjectId"
      WHERE re."pupilId" = $1 AND a.description ~ '^SO ' AND re."enteredAt" < now() - interval '2 days' ORDER BY a."heldOn" LIMIT 1`,
    [child.id],
  );
  expect(test_).toBeDefined();
  const english: Record<string, string> = {
    Nederlands: "Dutch", Engels: "English", Frans: "French", Duits: "German", Wiskunde: "Mathematics", Natuurkunde: "Physics", Scheikunde: "Chemistry",
    "Nask (natuur- en scheikunde)": "Physics and chemistry", Biologie: "Biology", Geschiedenis: "History", Aardrijkskunde: "Geography", Economie: "Economics", Maatschappijleer: "Social studies",
  };
  expect(Object.keys(english)).toContain(test_.subject);

  await signIn(page, "ouder@demo.test");
  await expect(page).toHaveURL(/\/parent$/);
  const switchTo = async (locale: "en" | "nl") => {
    await page.locator("#language-select").selectOption(locale);
    await page.locator('form[action="/api/language"] button[type=submit]').click();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
  };
  await switchTo("en");
  try {
    await page.goto(`/parent/children/${child.id}`);
    const subjects = page.locator("details").filter({ has: page.locator("summary").getByText("Average") });
    // The school calls it "Nederlands"; the parent reads "Dutch".
    await expect(subjects.locator(":scope > summary").getByText("Dutch", { exact: true })).toBeVisible();
    await expect(subjects.locator(":scope > summary").getByText("Nederlands", { exact: true })).toHaveCount(0);

    // Open the subject and the test's "SO" with the keyboard only.
    const subject = subjects.filter({ has: page.locator("summary").getByText(english[test_.subject], { exact: true }) });
    await subject.locator(":scope > summary").focus();
    await page.keyboard.press("Enter");
    const rest = test_.description.slice(2);
    const row = subject.locator("tbody tr").filter({ has: page.locator("td > span[lang=nl]", { hasText: new RegExp(`^\\s*${rest.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`) }) }).first();
    const word = row.locator("details.explained-word");
    await expect(word.locator("summary")).toHaveAccessibleName(/^SO\b.*explanation/);
    await word.locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect(word).toHaveAttribute("open", "");
    await expect(word.locator(".explained-word-text")).toBeVisible();
    await expect(word.locator(".explained-word-text")).toContainText("short written test");
    // The school's own words stay Dutch, and say so.
    await expect(word.locator("summary [lang=nl]")).toHaveText("SO");
    await expect(row.locator("td > span[lang=nl]")).toHaveText(rest);
    // The track in the class line is explained too, and so is weight.
    await expect(page.locator("h1 + div details.explained-word summary")).toBeVisible();
    await expect(subject.getByRole("columnheader", { name: "Weight", exact: true })).toBeVisible();
    await page.getByText("What does weight mean?").click();
    await expect(page.getByText(/counts three times as much/)).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: screen("child-words-en.png"), fullPage: true });
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: screen("child-words-en-320.png"), fullPage: true });
  } finally {
    await switchTo("nl");
  }
});
