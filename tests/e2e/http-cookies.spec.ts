import { expect, query, signIn, test } from "./fixtures";
import { SESSION_COOKIE, freshGet, publicSlugs, sessionCookie, sharedCacheMayStore } from "./http-helpers";

// Findings 3 and 4 of the privacy issue: a session cookie never rides on a
// response a shared cache may keep, and every way of signing out ends the
// session for copies of the cookie too.

test("a signed-in, idle session gets no cookie on any response a shared cache may store", async ({ baseURL }) => {
  // Idle for 6 minutes: past the 5-minute renewal interval, well inside the 60-minute timeout.
  const session = await sessionCookie("ouder@demo.test", { idle: 6 * 60 });
  const [first, second] = await publicSlugs();
  const home = await freshGet(baseURL!, "/", { Cookie: `${SESSION_COOKIE}=${session}` });
  const asset = home.text.match(/\/_next\/static\/[^"]+\.(?:js|css)/)?.[0];
  expect(asset).toBeTruthy();

  const publicAddresses = ["/", "/?q=college", `/schools/${first}`, `/compare?schools=${first},${second}`, "/compare", "/schools/bestaat-niet", "/robots.txt", "/icon.svg", asset!];
  const languages: Record<string, string>[] = [{}, { "Accept-Language": "en" }, { "Accept-Language": "ar" }];
  const other = ["/login", "/forgot-password", "/set-password", "/api/health", "/api/auth/csrf", "/api/auth/providers", "/api/auth/session", "/geen-pagina"];
  const leaks: string[] = [];
  let checked = 0;
  for (const address of [...publicAddresses, ...other]) {
    for (const language of publicAddresses.includes(address) ? languages : [{}]) {
      for (const cookie of [`${SESSION_COOKIE}=${session}`, `${SESSION_COOKIE}=${session}; NEXT_LOCALE=ar`]) {
        const response = await freshGet(baseURL!, address, { Cookie: cookie, ...language });
        expect(response.status, address).toBeLessThan(500);
        // Storable by a shared cache → no cookie; and so a response with a cookie is private or no-store.
        if (sharedCacheMayStore(response) && response.cookies.length) leaks.push(`${address} ${JSON.stringify(language)} ${response.headers["cache-control"]}`);
        checked++;
      }
    }
  }
  expect(leaks).toEqual([]);
  expect(checked).toBeGreaterThan(50);

  // The idle timer still runs where it belongs: a portal page renews the cookie, privately.
  const portal = await freshGet(baseURL!, "/parent", { Cookie: `${SESSION_COOKIE}=${session}` });
  expect(portal.status).toBe(200);
  expect(portal.cookies.some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(true);
  expect(sharedCacheMayStore(portal)).toBe(false);
});

test("next-auth's own sign-out ends the session: a copied cookie no longer opens /parent", async ({ page, browser, baseURL }) => {
  await signIn(page, "ouder3@demo.test");
  await expect(page).toHaveURL(/\/parent$/);
  const saved = await page.context().storageState();
  const copied = saved.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
  const before = await sessionVersion("ouder3@demo.test");

  // What next-auth's signOut() from next-auth/react does: the CSRF token, then a POST.
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedOut = await page.request.post("/api/auth/signout", { form: { csrfToken, json: "true" } });
  expect(signedOut.status()).toBeLessThan(400);
  expect(await sessionVersion("ouder3@demo.test")).toBe(before + 1);

  const replay = await browser.newContext({ storageState: saved });
  const replayPage = await replay.newPage();
  await replayPage.goto("/parent");
  await expect(replayPage).toHaveURL(/\/login/);
  await replay.close();

  // The session endpoint answers for the copied cookie as for nobody.
  const session = await freshGet(baseURL!, "/api/auth/session", { Cookie: `${SESSION_COOKIE}=${copied}` });
  expect(JSON.parse(session.text)).toEqual({});
});

test("the session endpoint never tells a revoked cookie whose it was, and a live one only the name", async ({ page, baseURL }) => {
  await signIn(page, "ouder3@demo.test");
  await expect(page).toHaveURL(/\/parent$/);
  const copied = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)!.value;
  const live = JSON.parse((await freshGet(baseURL!, "/api/auth/session", { Cookie: `${SESSION_COOKIE}=${copied}` })).text) as Record<string, unknown>;
  expect(typeof (live.user as { name?: unknown } | undefined)?.name).toBe("string");
  const [user] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'ouder3@demo.test'`);
  expect(JSON.stringify(live)).not.toContain(user.id);

  // The sign-out answer clears the cookie, in a response no cache may keep.
  const [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Uitloggen" }).click()]);
  const headers = await answer.allHeaders();
  expect(headers["set-cookie"]).toMatch(/^next-auth\.session-token=;/);
  expect(headers["cache-control"]).toMatch(/no-store/);
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  const revoked = await freshGet(baseURL!, "/api/auth/session", { Cookie: `${SESSION_COOKIE}=${copied}` });
  expect(JSON.parse(revoked.text)).toEqual({});
  expect(revoked.cookies.filter((c) => c.startsWith(`${SESSION_COOKIE}=`) && !/max-age=0|expires=thu, 01 jan 1970/i.test(c))).toEqual([]);
});

async function sessionVersion(email: string): Promise<number> {
  const [row] = await query<{ sessionVersion: number }>(`SELECT "sessionVersion" FROM "User" WHERE email = $1`, [email]);
  return row.sessionVersion;
}
