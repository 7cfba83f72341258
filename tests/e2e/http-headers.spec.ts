import { childrenOf, expect, gotoUntilCached, query, signIn, test } from "./fixtures";
import { cspDirectives, freshGet, publicSlugs, sharedCacheMayStore, watchViolations } from "./http-helpers";

// Finding 7 of the privacy issue: a Content-Security-Policy that stops
// injected scripts on every page (and that the app itself never trips over),
// the other security headers, and public pages that tell caches they differ
// per language.

test("every page carries a policy that allows only its own scripts, and the app never trips over it", async ({ page }) => {
  const violations = await watchViolations(page);
  const [first, second] = await publicSlugs();
  const visit = async (address: string) => {
    const response = await page.goto(address);
    const csp = cspDirectives(response?.headers()["content-security-policy"]);
    const scripts = csp.get("script-src") ?? [];
    expect(scripts, address).not.toContain("'unsafe-inline'");
    expect(scripts.some((s) => s.startsWith("'nonce-") || s.startsWith("'sha256-")), address).toBe(true);
    for (const [name, value] of [["object-src", "'none'"], ["frame-ancestors", "'none'"], ["base-uri", "'self'"], ["form-action", "'self'"]]) {
      expect(csp.get(name), `${address} ${name}`).toEqual([value]);
    }
    await expect(page.locator("h1").first()).toBeVisible();
  };
  // The search is rendered per request; a profile and a comparison are rendered once and then
  // served from the page cache (both copies must carry their policy), also the cached "not found".
  await visit("/?q=college");
  for (const address of [`/schools/${first}`, `/compare?schools=${first},${second}`, "/schools/bestaat-niet"]) {
    await visit(address);
    expect(await gotoUntilCached(page, address)).toBe("HIT");
    await visit(address);
  }
  await visit("/login");
  await signIn(page, "ouder@demo.test");
  await expect(page).toHaveURL(/\/parent$/);
  const [child] = await childrenOf("ouder@demo.test");
  for (const address of ["/parent", `/parent/children/${child.id}`, "/parent/settings", "/account"]) await visit(address);
  // Client-side navigation under the policy: the language switch and a link.
  await page.context().clearCookies();
  await signIn(page, "mentor@demo.test");
  await expect(page).toHaveURL(/\/mentor$/);
  await page.locator("main a[href^='/mentor/pupils/']").filter({ visible: true }).first().click();
  await expect(page).toHaveURL(/\/mentor\/pupils\//);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.context().clearCookies();
  await signIn(page, "beheer@demo.test");
  await expect(page).toHaveURL(/\/admin$/);
  const [school] = await query<{ id: string }>(`SELECT id FROM "School" ORDER BY name LIMIT 1`);
  for (const address of ["/admin", `/admin/schools/${school.id}`, `/admin/schools/${school.id}/imports`]) await visit(address);
  expect(violations).toEqual([]);
});

test("an injected inline script does not run, on a cached public page and in the portal", async ({ page }) => {
  const violations = await watchViolations(page);
  const [slug] = await publicSlugs();
  // A script slipped into the page on its way to the browser, as an injection would put it there.
  await page.route(/\/(schools\/|login)/, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("</main>", '<script>window.__injected = true</script><img src="/x.png" onerror="window.__injected = true"></main>');
    await route.fulfill({ response, body });
  });
  for (const address of [`/schools/${slug}`, "/login"]) {
    await page.goto(address);
    await expect(page.locator("h1").first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected ?? false), address).toBe(false);
  }
  expect(violations.length).toBeGreaterThan(0);
});

test("security headers on every kind of response; no HSTS over plain http", async ({ baseURL }) => {
  const [slug] = await publicSlugs();
  for (const address of ["/", `/schools/${slug}`, "/login", "/parent", "/api/health", "/robots.txt", "/schools/%E0%A4%A"]) {
    const { headers } = await freshGet(baseURL!, address);
    expect(headers["x-content-type-options"], address).toBe("nosniff");
    expect(headers["referrer-policy"], address).toBe("same-origin");
    expect(headers["cross-origin-opener-policy"], address).toBe("same-origin");
    expect(headers["permissions-policy"], address).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
    expect(headers["strict-transport-security"], address).toBeUndefined();
  }
});

test("public pages in the visitor's language tell shared caches so, or are not for shared caches at all", async ({ baseURL }) => {
  const [first, second] = await publicSlugs();
  for (const address of ["/", "/?q=college", `/schools/${first}`, `/compare?schools=${first},${second}`, "/schools/bestaat-niet"]) {
    for (const language of ["nl", "ar"]) {
      // Twice: the first render and the copy from the page cache.
      for (const copy of [1, 2]) {
        const response = await freshGet(baseURL!, address, { "Accept-Language": language });
        // (Next's not-found shell sets the language with its script, not in the first tag.)
        if (response.status === 200) expect(response.text, `${address} ${copy}`).toContain(`lang="${language}"`);
        const vary = (response.headers["vary"] ?? "").toLowerCase().split(",").map((v) => v.trim());
        if (sharedCacheMayStore(response)) expect(vary, `${address} ${copy}`).toEqual(expect.arrayContaining(["cookie", "accept-language"]));
      }
    }
  }
  // The profile is one a shared cache may keep (s-maxage): it must say it varies.
  const profile = await freshGet(baseURL!, `/schools/${first}`);
  expect(sharedCacheMayStore(profile)).toBe(true);
  expect(profile.headers["vary"]).toMatch(/Cookie, Accept-Language/);
});

test("the public pages work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const [first, second] = await publicSlugs();
  await page.goto("/");
  await page.getByLabel("Naam van de school of plaats").fill("college");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page).toHaveURL(/q=college/);
  await page.goto(`/compare?schools=${first},${second}`);
  await expect(page.locator("table")).toBeVisible();
  await context.close();
});
