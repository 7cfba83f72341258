import { screen } from "./env";
import { auditRows, childrenOf, expect, expectAccessible, expectNoHorizontalScroll, query, signIn, test } from "./fixtures";

test.describe("the mentor workspace", () => {
  test("a family not reached is logged in three clicks plus the summary, and is no longer flagged", async ({ page }) => {
    // On a phone (360 px) the families not reached come first, and the list starts within two screens (issue 18).
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, "mentor@demo.test");
    await expect(page).toHaveURL(/\/mentor$/);
    const firstRow = page.locator("table tbody tr").first();
    await expect(firstRow.getByText("Niet bereikt")).toBeVisible();
    const top = await firstRow.evaluate((row) => row.getBoundingClientRect().top + window.scrollY);
    expect(top).toBeLessThan(2 * 800);
    await expect(page.getByLabel("Sorteren op")).toHaveValue("reach");
    await page.setViewportSize({ width: 1280, height: 720 });
    await expectAccessible(page);
    await page.screenshot({ path: screen("mentor-list.png"), fullPage: true });

    // Filtering works as a plain GET form.
    await page.getByLabel("Tonen", { exact: true }).selectOption("notReached");
    await page.getByRole("button", { name: "Toepassen" }).click();
    await expect(page).toHaveURL(/show=notReached/);
    const rows = page.locator("table tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    const first = rows.first();
    const name = (await first.locator("th a").first().innerText()).trim();
    await expect(first.getByText("Niet bereikt")).toBeVisible();

    await first.getByRole("link", { name: /Contact vastleggen/ }).click(); // 1
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await page.getByLabel("Positief").check(); // 2
    await page.getByLabel("Korte samenvatting").fill("Gebeld: het gaat goed, fijn om elkaar te spreken.");
    await page.getByRole("button", { name: "Opslaan", exact: true }).last().click(); // 3

    await expect(page).toHaveURL(/\/mentor\?logged=/);
    await expect(page.getByRole("status")).toHaveText("Het contactmoment is opgeslagen.");
    await page.goto("/mentor?show=notReached");
    await expect(page.locator("table tbody th a", { hasText: name })).toHaveCount(0);
    await page.goto("/mentor?sort=name");
    const row = page.locator("table tbody tr", { has: page.locator("th a", { hasText: name }) });
    await expect(row).toContainText("Positief");
    await expect(row).toContainText("vandaag");
  });

  test("bad input is explained in Dutch and nothing is saved", async ({ page }) => {
    await signIn(page, "mentor@demo.test");
    await expect(page).toHaveURL(/\/mentor$/);
    await page.locator("table tbody th a").first().click();
    await expect(page).toHaveURL(/\/mentor\/pupils\//);
    const pupilId = page.url().split("/").pop()!.split("?")[0];
    const [{ count: before }] = await query<{ count: string }>(`SELECT count(*) FROM "ContactMoment" WHERE "pupilId" = $1`, [pupilId]);

    await page.getByRole("button", { name: "Opslaan", exact: true }).last().click();
    await expect(page.locator("#tone-error")).toHaveText("Kies hoe het contact was.");
    await expect(page.locator("#summary-error")).toHaveText("Schrijf een korte samenvatting.");
    await page.getByLabel("Zorg", { exact: true }).check();
    await page.getByLabel("Korte samenvatting").fill("Dit mag niet worden opgeslagen");
    await page.locator("#occurredOn").fill("2099-01-01");
    await page.getByRole("button", { name: "Opslaan", exact: true }).last().click();
    await expect(page.locator("#occurredOn-error")).toHaveText("Dit contact is al geweest. Kies daarom vandaag of een dag in het verleden.");
    // What was typed is still there.
    await expect(page.getByLabel("Korte samenvatting")).toHaveValue("Dit mag niet worden opgeslagen");

    const [{ count: after }] = await query<{ count: string }>(`SELECT count(*) FROM "ContactMoment" WHERE "pupilId" = $1`, [pupilId]);
    expect(after).toBe(before);
    await expectAccessible(page);
  });

  test("the guardian sees the summary, never the internal note — not even in the raw page or RSC payload", async ({ page, browser }) => {
    const children = await childrenOf("ouder@demo.test");
    const [mentorChild] = await query<{ id: string }>(
      `SELECT p.id FROM "Pupil" p JOIN "Mentorship" m ON m."classGroupId" = p."classGroupId" JOIN "Staff" s ON s.id = m."staffId"
       JOIN "User" u ON u.id = s."userId" WHERE u.email = 'mentor@demo.test' AND p.id = ANY($1)`,
      [children.map((c) => c.id)],
    );
    await signIn(page, "mentor@demo.test");
    await expect(page).toHaveURL(/\/mentor$/);
    await page.goto(`/mentor/pupils/${mentorChild.id}`);
    await page.getByLabel("Positief").check();
    await page.getByLabel("Korte samenvatting").fill("Compliment over de spreekbeurt gegeven.");
    await page.getByText("Interne notitie (niet verplicht) · Terugkomen op (niet verplicht)").click();
    await page.getByLabel("Interne notitie (niet verplicht)").fill("INTERN-GEHEIM-7731 alleen voor school");
    await page.getByRole("button", { name: "Opslaan", exact: true }).last().click();
    await expect(page.getByRole("status")).toHaveText("Het contactmoment is opgeslagen.");
    await expect(page.getByText("INTERN-GEHEIM-7731 alleen voor school")).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: screen("mentor-pupil.png"), fullPage: true });

    const parent = await browser.newContext();
    const parentPage = await parent.newPage();
    await signIn(parentPage, "ouder@demo.test");
    await expect(parentPage).toHaveURL(/\/parent$/);
    await parentPage.goto(`/parent/children/${mentorChild.id}`);
    await expect(parentPage.getByText("Compliment over de spreekbeurt gegeven.")).toBeVisible();
    const html = await (await parentPage.request.get(`/parent/children/${mentorChild.id}`)).text();
    const rsc = await (await parentPage.request.get(`/parent/children/${mentorChild.id}`, { headers: { RSC: "1" } })).text();
    expect(html).toContain("Compliment over de spreekbeurt gegeven.");
    for (const body of [html, rsc]) expect(body).not.toContain("INTERN-GEHEIM-7731");
    await parent.close();
  });

  test("another mentor opening this pupil gets 404 and an audit row; the list works on a phone", async ({ page }) => {
    const [child] = await query<{ id: string }>(
      `SELECT p.id FROM "Pupil" p JOIN "Mentorship" m ON m."classGroupId" = p."classGroupId" JOIN "Staff" s ON s.id = m."staffId"
       JOIN "User" u ON u.id = s."userId" WHERE u.email = 'mentor@demo.test' LIMIT 1`,
    );
    const before = (await auditRows("mentor2@demo.test", "DENIED")).length;
    await page.setViewportSize({ width: 320, height: 640 });
    await signIn(page, "mentor2@demo.test");
    await expect(page).toHaveURL(/\/mentor$/);
    await expectNoHorizontalScroll(page);
    // On a phone each pupil is a card, and still a row of the table for a screen reader.
    const table = page.getByRole("table", { name: "Leerlingen en contact met hun ouders" });
    const firstPupil = table.getByRole("row").nth(1);
    await expect(firstPupil.getByRole("rowheader").getByRole("link")).toBeVisible();
    await expect(firstPupil.getByRole("cell").first()).toBeVisible();
    await expect(firstPupil.getByRole("link", { name: /^Contact vastleggen voor / })).toBeVisible();
    await expectAccessible(page);
    const response = await page.goto(`/mentor/pupils/${child.id}`);
    expect(response?.status()).toBe(404);
    const after = await auditRows("mentor2@demo.test", "DENIED");
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({ action: "pupil:view", pupilId: child.id });
  });

  test("a parent opening the mentor's page of their own child gets 404, and the row names the child; the mentor's list logs its pupils", async ({ page }) => {
    const [child] = await childrenOf("ouder@demo.test");
    await signIn(page, "ouder@demo.test");
    await expect(page).toHaveURL(/\/parent$/);
    const response = await page.goto(`/mentor/pupils/${child.id}`);
    expect(response?.status()).toBe(404);
    expect((await auditRows("ouder@demo.test", "DENIED")).at(-1)).toMatchObject({
      action: "route:view", pupilId: child.id, role: "PARENT", category: "record", route: "/mentor/pupils/[pupilId]",
    });

    await page.context().clearCookies();
    await signIn(page, "mentor@demo.test");
    await expect(page).toHaveURL(/\/mentor$/);
    // Three lists on /mentor name pupils: the class list (contacts), the open questions to the mentor (questions)
    // and the guardians who have not answered the school–parent agreement (guardians, issue 19).
    const listed = (await auditRows("mentor@demo.test", "ALLOWED")).filter((r) => r.route === "/mentor");
    expect(listed.filter((r) => r.category === "contacts").length).toBeGreaterThan(0);
    expect(listed.every((r) => r.action === "pupil:list" && r.pupilId && r.role === "MENTOR" && ["contacts", "questions", "guardians"].includes(r.category ?? ""))).toBe(true);
  });
});
