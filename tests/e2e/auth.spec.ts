import { encode } from "next-auth/jwt";
import { auditRows, expect, expectAccessible, signIn, test, childrenOf, query } from "./fixtures";

test.describe("sign-in", () => {
  test("the sign-in page is Dutch, accessible, and wrong credentials get one neutral message", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
    await expectAccessible(page);

    await signIn(page, "ouder@demo.test", "verkeerd-wachtwoord");
    // (Next.js adds its own empty role=alert route announcer, so address ours by id.)
    const alert = page.locator("#login-error");
    await expect(alert).toHaveAttribute("role", "alert");
    await expect(alert).toHaveText("Inloggen is niet gelukt. Controleer je e-mailadres en wachtwoord.");
    // An unknown account gets exactly the same message.
    await signIn(page, "niemand@demo.test", "schoolkompas");
    await expect(page.locator("#login-error")).toHaveText("Inloggen is niet gelukt. Controleer je e-mailadres en wachtwoord.");
    await expect(page).toHaveURL(/\/login/);
  });

  test("each role lands on its own home", async ({ page }) => {
    for (const [email, path] of [
      ["mentor@demo.test", "/mentor"],
      ["leider@demo.test", "/leader"],
      ["beheer@demo.test", "/admin"],
      ["leerling@demo.test", "/pupil"],
      ["ouder@demo.test", "/parent"],
    ] as const) {
      await page.context().clearCookies();
      // Through the form every time: this is the test of where signing in lands (not a kept session).
      await signIn(page, email, undefined, { form: true });
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page);
    }
  });

  test("an anonymous visitor of a portal page is sent to sign-in and back", async ({ page }) => {
    await page.goto("/parent");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fparent/);
    await page.locator("#email").fill("ouder@demo.test");
    await page.locator("#password").fill("schoolkompas");
    await page.locator("main form button[type=submit]").click();
    await expect(page).toHaveURL(/\/parent$/);
  });

  test("signing out really ends the session, also for a copied cookie", async ({ page, browser }) => {
    await signIn(page, "leider@demo.test", undefined, { form: true });
    await expect(page).toHaveURL(/\/leader$/);
    const saved = await page.context().storageState();
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await expect(page).toHaveURL(/\/login\?signedOut=1/);
    await expect(page.getByRole("status")).toHaveText("Je bent uitgelogd.");

    // Replaying the cookie from before sign-out no longer opens the portal.
    const replay = await browser.newContext({ storageState: saved });
    const replayPage = await replay.newPage();
    await replayPage.goto("/leader");
    await expect(replayPage).toHaveURL(/\/login/);
    await replay.close();
  });

  test("a mentor asking for a parent's page gets a real 404 and an audit row", async ({ page }) => {
    const [child] = await childrenOf("ouder@demo.test");
    const before = (await auditRows("mentor@demo.test", "DENIED")).length;
    await signIn(page, "mentor@demo.test");
    await expect(page).toHaveURL(/\/mentor$/);
    const response = await page.goto(`/parent/children/${child.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze pagina bestaat niet");
    const after = await auditRows("mentor@demo.test", "DENIED");
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)?.action).toBe("route:view");
  });
});

test("health answers ok when the database answers", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

test("a pupil of 18+ grants and withdraws a guardian's access, each after a confirmation", async ({ page }) => {
  await signIn(page, "leerling@demo.test");
  await expect(page).toHaveURL(/\/pupil$/);
  const card = page.locator("main li").filter({ has: page.getByRole("link", { name: "Toestaan" }) }).first();
  const name = (await card.locator("h3").innerText()).trim();
  await card.getByRole("link", { name: "Toestaan" }).click();
  await page.getByRole("button", { name: "Ja, dat wil ik" }).click();
  const same = page.locator("main li").filter({ hasText: name });
  await expect(same).toContainText("Mag meekijken");
  await same.getByRole("link", { name: "Intrekken" }).click();
  await page.getByRole("button", { name: "Ja, dat wil ik" }).click();
  await expect(same).toContainText("Mag niet meekijken");
  await expectAccessible(page);
});

test("an idle or too old session is refused, even with a validly signed cookie", async ({ browser, baseURL }) => {
  const [user] = await query<{ id: string; sessionVersion: number }>(`SELECT id, "sessionVersion" FROM "User" WHERE email = 'ouder3@demo.test'`);
  const now = Math.floor(Date.now() / 1000);
  const secret = process.env.E2E_NEXTAUTH_SECRET ?? "e2e-only-secret-not-for-production-000000";
  const cases = [
    { authTime: now - 2 * 3600, lastActivity: now - 61 * 60 }, // idle for 61 minutes
    { authTime: now - 12 * 3600 - 60, lastActivity: now - 60 }, // signed in 12 hours ago
  ];
  for (const claims of cases) {
    const token = await encode({ token: { sub: user.id, sv: user.sessionVersion, ...claims }, secret, maxAge: 24 * 3600 });
    const context = await browser.newContext();
    await context.addCookies([{ name: "next-auth.session-token", value: token, url: baseURL! }]);
    const page = await context.newPage();
    await page.goto("/parent");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fparent&expired=1/);
    await expect(page.getByRole("status")).toHaveText("Je bent automatisch uitgelogd. Log opnieuw in.");
    await context.close();
  }
  // The same forged cookie with fresh times works: the refusals above were about time.
  const fresh = await encode({ token: { sub: user.id, sv: user.sessionVersion, authTime: now - 60, lastActivity: now - 60 }, secret, maxAge: 3600 });
  const context = await browser.newContext();
  await context.addCookies([{ name: "next-auth.session-token", value: fresh, url: baseURL! }]);
  const page = await context.newPage();
  await page.goto("/parent");
  await expect(page).toHaveURL(/\/parent$/);
  await context.close();
});
