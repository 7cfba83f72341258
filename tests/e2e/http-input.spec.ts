import { expect, query, signIn, test } from "./fixtures";
import { SESSION_COOKIE, freshGet, publicSlugs, sessionCookie } from "./http-helpers";

// Finding 6 of the privacy issue: input no page expects (a NUL byte, broken
// percent-encoding, a server action from another site) answers 400, 403 or
// 404 and changes nothing — never a 500.

const NUL = "%00";
const BROKEN = ["%E0%A4%A", "%", "%ZZ", "%C0%AF"];

async function ids() {
  const [school] = await query<{ id: string }>(`SELECT s.id FROM "School" s JOIN "Board" b ON b.id = s."boardId" ORDER BY s.name LIMIT 1`);
  const [pupil] = await query<{ id: string }>(`SELECT id FROM "Pupil" ORDER BY "studentNumber" LIMIT 1`);
  return { school: school.id, pupil: pupil.id };
}

test("NUL bytes and broken percent-encoding in addresses answer 400 or 404, never 500", async ({ baseURL }) => {
  const { school, pupil } = await ids();
  const [slug] = await publicSlugs();
  const as = async (email: string) => ({ Cookie: `${SESSION_COOKIE}=${await sessionCookie(email)}` });
  const cases: [Record<string, string>, string[]][] = [
    [{}, ["/?q=@", "/?type=@", "/schools/@", `/schools/${slug}?x=@`, "/compare?schools=@", "/login?callbackUrl=@", "/@", "/api/imports/@"]],
    [await as("ouder@demo.test"), ["/parent/children/@", "/parent?x=@", "/account?x=@"]],
    [await as("mentor@demo.test"), ["/mentor/pupils/@", `/mentor/pupils/${pupil}?logged=@`, "/mentor?q=@"]],
    [await as("verzuim@demo.test"), ["/attendance/pupils?class=@", "/attendance/pupils/@", "/attendance?status=@"]],
    [await as("beheer@demo.test"), ["/admin/schools/@", "/admin/schools/@/staff", `/admin/schools/${school}/staff/@`, `/admin/schools/${school}/imports/@`, `/api/imports/${school}/@`, `/api/imports/${school}/@/errors`]],
  ];
  const failures: string[] = [];
  for (const [headers, patterns] of cases) {
    for (const pattern of patterns) {
      // A malformed escape in a query value is taken literally (someone typed "100%"); in a path it is refused.
      for (const bad of pattern.indexOf("@") > pattern.indexOf("?") && pattern.includes("?") ? [NUL] : [NUL, ...BROKEN]) {
        const address = pattern.replace("@", bad);
        const response = await freshGet(baseURL!, address, headers);
        if (![400, 404].includes(response.status)) failures.push(`${address} → ${response.status}`);
      }
    }
  }
  expect(failures).toEqual([]);
});

test("an answer to a bad address is a page in the visitor's language, with the site's headers", async ({ baseURL }) => {
  const response = await freshGet(baseURL!, "/schools/%E0%A4%A", { "Accept-Language": "ar" });
  expect(response.status).toBe(400);
  expect(response.headers["content-type"]).toContain("text/html");
  expect(response.headers["cache-control"]).toContain("no-store");
  expect(response.headers["x-content-type-options"]).toBe("nosniff");
  const html = response.text;
  expect(html).toContain('lang="ar"');
  expect(html).toContain('dir="rtl"');
});

test("a server action posted from another site answers 403 and does nothing", async ({ page }) => {
  await signIn(page, "ouder3@demo.test");
  await expect(page).toHaveURL(/\/parent$/);
  // The header's sign-out form carries its action's id (it works without JavaScript).
  const actionId = await page.locator('form input[name^="$ACTION_ID_"]').first().getAttribute("name");
  expect(actionId).toBeTruthy();
  const [before] = await query<{ sessionVersion: number }>(`SELECT "sessionVersion" FROM "User" WHERE email = 'ouder3@demo.test'`);

  const foreign = { Origin: "https://evil.example" };
  const asForm = await page.request.post("/parent", { headers: foreign, multipart: { [actionId!]: "" }, maxRedirects: 0 });
  expect(asForm.status()).toBe(403);
  const asFetch = await page.request.post("/parent", {
    headers: { ...foreign, "Next-Action": actionId!.replace("$ACTION_ID_", ""), "Content-Type": "text/plain;charset=UTF-8" },
    data: "[]",
    maxRedirects: 0,
  });
  expect(asFetch.status()).toBe(403);
  const crossSite = await page.request.post("/parent", { headers: { "Sec-Fetch-Site": "cross-site" }, multipart: { [actionId!]: "" }, maxRedirects: 0 });
  expect(crossSite.status()).toBe(403);

  // Nothing happened: still signed in, the session version unchanged.
  const [after] = await query<{ sessionVersion: number }>(`SELECT "sessionVersion" FROM "User" WHERE email = 'ouder3@demo.test'`);
  expect(after.sessionVersion).toBe(before.sessionVersion);
  await page.goto("/parent");
  await expect(page).toHaveURL(/\/parent$/);
});

test("a post no server action can read answers 400, in place of a 500", async ({ page }) => {
  await signIn(page, "ouder3@demo.test");
  await expect(page).toHaveURL(/\/parent$/);
  const actionId = (await page.locator('form input[name^="$ACTION_ID_"]').first().getAttribute("name"))!.replace("$ACTION_ID_", "");
  const own = { Origin: new URL(page.url()).origin };
  const multipart = await page.request.post("/parent", { headers: { ...own, "Content-Type": "multipart/form-data; boundary=zz" }, data: "garbage", maxRedirects: 0 });
  expect(multipart.status()).toBe(400);
  for (const body of ["garbage", '"\\u0000"', "{"]) {
    const response = await page.request.post("/parent", { headers: { ...own, "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8" }, data: body, maxRedirects: 0 });
    expect(response.status(), body).toBe(400);
  }
  await page.goto("/parent");
  await expect(page).toHaveURL(/\/parent$/);
});
