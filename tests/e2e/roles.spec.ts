import { auditRows, expect, expectAccessible, expectNoHorizontalScroll, query, signIn, test } from "./fixtures";
import { E2E, screen } from "./env";

// One account, several roles: docent@demo.test mentors a class and is the
// father of a pupil in another class of the same school.

test("a teacher who is also a parent switches role in the header, and each role sees only its own scope", async ({ page }) => {
  const [child] = await query<{ id: string; classGroupId: string }>(
    `SELECT p.id, p."classGroupId" FROM "Pupil" p JOIN "GuardianLink" l ON l."pupilId" = p.id JOIN "Guardian" g ON g.id = l."guardianId"
       JOIN "User" u ON u.id = g."userId" WHERE u.email = 'docent@demo.test'`,
  );
  const switchesBefore = (await auditRows("docent@demo.test", "ALLOWED")).filter((r) => r.action === "role:switch").length;
  await signIn(page, "docent@demo.test");
  // Staff role first.
  await expect(page).toHaveURL(/\/mentor$/);
  const roleSelect = page.getByLabel("Rol");
  await expect(roleSelect.locator("option:checked")).toHaveText(/^Mentor · /);
  await expectAccessible(page);
  // As mentor, his own daughter is not in reach.
  const asMentor = await page.goto(`/mentor/pupils/${child.id}`);
  expect(asMentor?.status()).toBe(404);
  await page.goto("/mentor");

  // By keyboard only: to the role list, the next role, to the button, Enter.
  await roleSelect.focus();
  await page.keyboard.press("ArrowDown");
  await expect(roleSelect.locator("option:checked")).toHaveText("Ouder/verzorger");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Wisselen" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/parent$/);
  await expect(page.getByRole("heading", { level: 2, name: /Ayla/ })).toBeVisible();
  await expect(page.getByLabel("Rol").locator("option:checked")).toHaveText("Ouder/verzorger");
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: screen("role-switch-parent-320.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  // As parent, the mentor pages answer 404 (and are audited), the child page works.
  expect((await page.goto("/mentor"))?.status()).toBe(404);
  expect((await page.goto(`/parent/children/${child.id}`))?.status()).toBe(200);

  const switches = (await auditRows("docent@demo.test", "ALLOWED")).filter((r) => r.action === "role:switch");
  expect(switches).toHaveLength(switchesBefore + 1);
  const [details] = await query<{ details: { from: string; to: string } }>(
    `SELECT a.details FROM "AuditLog" a JOIN "User" u ON u.id = a."actorUserId" WHERE u.email = 'docent@demo.test' AND a.action = 'role:switch' ORDER BY a.at DESC LIMIT 1`,
  );
  expect(details.details).toMatchObject({ from: "MENTOR", to: "PARENT" });

  // A forged choice (another user's membership) changes nothing and is audited.
  const [foreign] = await query<{ id: string }>(`SELECT m.id FROM "RoleMembership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = 'leider@demo.test'`);
  await page.goto("/parent");
  await page.getByLabel("Rol").evaluate((select, id) => {
    const option = document.createElement("option");
    option.value = id;
    option.textContent = "x";
    (select as HTMLSelectElement).append(option);
    (select as HTMLSelectElement).value = id;
  }, foreign.id);
  await page.getByRole("button", { name: "Wisselen" }).click();
  await expect(page).toHaveURL(/\/parent$/);
  expect((await auditRows("docent@demo.test", "DENIED")).map((r) => [r.action, r.targetId])).toContainEqual(["role:switch", foreign.id]);

  // And back: the mentor's list again (on a freshly loaded page: the refused submit's own
  // navigation may still be re-rendering the header).
  await page.goto("/parent");
  await page.getByLabel("Rol").selectOption({ index: 0 });
  await page.getByRole("button", { name: "Wisselen" }).click();
  await expect(page).toHaveURL(/\/mentor$/);
});

test("the language switch works when the app is reached under another host name, and for the attendance officer", async ({ browser }) => {
  // NEXTAUTH_URL says localhost; users (and proxies) may reach it as 127.0.0.1.
  const other = `http://127.0.0.1:${E2E.port}`;
  const context = await browser.newContext({ baseURL: other });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByLabel("Taal").selectOption("en");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(new URL(page.url()).host).toBe(new URL(other).host);

  // Signed in as the attendance officer, under that host name: stored on the profile (was a 500).
  await signIn(page, "verzuim@demo.test");
  await expect(page).toHaveURL(/\/attendance$/);
  // (After sign-in the profile's language, Dutch, wins over the visitor's cookie.)
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await page.getByLabel("Taal").selectOption("ar");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const [officer] = await query<{ locale: string }>(`SELECT locale FROM "User" WHERE email = 'verzuim@demo.test'`);
  expect(officer.locale).toBe("ar");
  await query(`UPDATE "User" SET locale = 'nl' WHERE email = 'verzuim@demo.test'`);
  // A form from another site is still refused under this host name.
  const foreign = await page.request.post("/api/language", { form: { locale: "nl" }, headers: { origin: "http://localhost:1" }, maxRedirects: 0 });
  expect(foreign.status()).toBe(403);
  await context.close();
});
