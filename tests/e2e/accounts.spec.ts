import { expect, expectAccessible, expectNoHorizontalScroll, query, signIn, test, PASSWORD } from "./fixtures";
import { appCode, expectSummaryFocused, generatedGuardian, generatedMentor, linkIn, waitForMail } from "./accounts-helpers";
import { screen } from "./env";

// Invitations, passwords and sign-in that withstands attack, through the real
// UI. Only accounts of the generated demo data that no other spec uses are
// changed; the sign-in counters are cleared at the end.

const NEW_PASSWORD = "fietsen langs de Maas in mei";
const touched = new Set<string>();

/** Back to how the demo data made it: password `schoolkompas`, no two-step sign-in, welcomed. */
async function restore(userId: string) {
  touched.add(userId);
  await query(
    `UPDATE "User" SET "passwordHash" = (SELECT "passwordHash" FROM "User" WHERE email = 'ouder3@demo.test'),
       "totpSecret" = NULL, "totpEnabledAt" = NULL, "totpLastStep" = NULL, "welcomedAt" = coalesce("welcomedAt", now()), locale = 'nl' WHERE id = $1`,
    [userId],
  );
  await query(`DELETE FROM "RecoveryCode" WHERE "userId" = $1`, [userId]);
}

test.afterAll(async () => {
  for (const id of touched) await restore(id);
  await query(`DELETE FROM "SignInThrottle"`);
});

test.describe("in Arabic", () => {
  test.use({ locale: "ar" });

  test("forgot password → e-mail → a new password → sign in; the used link gives the clear page", async ({ page }) => {
    const guardian = await generatedGuardian(0);
    await restore(guardian.id);
    const since = Date.now();
    await page.setViewportSize({ width: 320, height: 720 });
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await page.getByRole("link", { name: "هل نسيت كلمة المرور؟" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await expect(page).toHaveTitle(/نسيت كلمة المرور/);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    // Keyboard only: a rejected submit puts the error summary in focus.
    await page.locator("#email").focus();
    await page.keyboard.type("geen-adres");
    await page.keyboard.press("Enter");
    await expectSummaryFocused(page, "أدخل عنوان بريد إلكتروني صالحًا");
    await page.screenshot({ path: screen("forgot-password-error-ar-320.png"), fullPage: true });
    await page.locator("#email").fill(guardian.email);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toContainText("تحقق من بريدك الإلكتروني");

    const mail = await waitForMail(guardian.email, /Kies een nieuw wachtwoord/, since);
    const link = linkIn(mail);
    await page.goto(link);
    // The token leaves the address bar at once (and was never sent to the server).
    await expect(page).toHaveURL(/\/set-password$/);
    await expect(page.locator("#username")).toHaveValue(guardian.email);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await page.locator("#password").fill("te kort");
    await page.locator("#confirm").fill("te kort");
    await page.getByRole("button", { name: "حفظ كلمة المرور" }).click();
    await expectSummaryFocused(page, "كلمة المرور قصيرة جدًا");
    await page.screenshot({ path: screen("set-password-error-ar-320.png"), fullPage: true });
    await page.locator("#password").fill(NEW_PASSWORD);
    await page.locator("#confirm").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "حفظ كلمة المرور" }).click();
    await expect(page).toHaveURL(/\/login\?passwordSet=1/);
    await expect(page.getByRole("status")).toContainText("تم تعيين كلمة المرور");

    await signIn(page, guardian.email, NEW_PASSWORD);
    await expect(page).toHaveURL(/\/parent$/);
    // The account page in Arabic (the profile's language is Dutch until chosen here).
    await page.goto("/account");
    await page.locator("#account-language").selectOption("ar");
    await page.getByRole("button", { name: "Taal opslaan" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "حسابي" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: screen("account-ar-320.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: screen("account-ar-1280.png"), fullPage: true });
    await query(`UPDATE "User" SET locale = 'nl' WHERE id = $1`, [guardian.id]);

    // The same link a second time: the clear page, nothing changes.
    await page.context().clearCookies();
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "تم استخدام هذا الرابط من قبل" })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: screen("set-password-used-ar-320.png"), fullPage: true });
  });
});

test("changing the password on /account ends the session in another browser", async ({ page, browser }) => {
  const guardian = await generatedGuardian(1);
  await restore(guardian.id);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, guardian.email);
  await expect(otherPage).toHaveURL(/\/parent$/);

  await signIn(page, guardian.email);
  await expect(page).toHaveURL(/\/parent$/);
  await page.getByRole("link", { name: "Mijn account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page).toHaveTitle(/Mijn account/);
  await expectAccessible(page);
  await page.locator("#current").fill("dit is het niet");
  await page.locator("#password").fill(NEW_PASSWORD);
  await page.locator("#confirm").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await expectSummaryFocused(page, "Je huidige wachtwoord klopt niet.");
  await page.locator("#current").fill(PASSWORD);
  await page.locator("#password").fill(NEW_PASSWORD);
  await page.locator("#confirm").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Je wachtwoord is gewijzigd" })).toBeVisible();

  // This browser stays signed in; the other one is signed out.
  await page.goto("/parent");
  await expect(page).toHaveURL(/\/parent$/);
  await otherPage.goto("/parent");
  await expect(otherPage).toHaveURL(/\/login/);
  await other.close();
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/account");
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: screen(`account-nl-${width}.png`), fullPage: true });
  }
});

test("an administrator invites a guardian; the guardian sets a password from the e-mail and is welcomed", async ({ page }) => {
  const guardian = await generatedGuardian(2);
  touched.add(guardian.id);
  // As the import leaves them: no password, never signed in.
  await query(`UPDATE "User" SET "passwordHash" = NULL, "welcomedAt" = NULL WHERE id = $1`, [guardian.id]);
  await query(`DELETE FROM "Notification" WHERE "userId" = $1 AND kind = 'INVITATION'`, [guardian.id]);
  const since = Date.now();
  await signIn(page, "beheer@demo.test");
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(`/admin/schools/${guardian.schoolId}/invitations?class=${guardian.classId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ouders uitnodigen");
  await expect(page.getByRole("navigation", { name: "Beheer van deze school" }).getByRole("link", { name: "Uitnodigingen" })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);
  const card = page.locator("main li").filter({ hasText: guardian.name }).first();
  await expect(card).toContainText("Niet uitgenodigd");
  await page.screenshot({ path: screen("invitations-admin-nl-1280.png"), fullPage: false });
  await card.getByRole("button", { name: /Uitnodigen/ }).click();
  await expect(page.getByRole("status").first()).toContainText("1 uitnodiging is onderweg.");
  await expect(page.locator("main li").filter({ hasText: guardian.name }).first()).toContainText(/Wordt verstuurd|Uitgenodigd/);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: screen("invitations-admin-nl-320.png"), fullPage: false });

  const mail = await waitForMail(guardian.email, /nodigt je uit voor Schoolkompas/, since);
  await page.context().clearCookies();
  await page.goto(linkIn(mail));
  await expect(page.getByText("Welkom bij Schoolkompas. Kies een wachtwoord.")).toBeVisible();
  await page.locator("#password").fill(NEW_PASSWORD);
  await page.locator("#confirm").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page).toHaveURL(/\/login\?passwordSet=1/);
  await signIn(page, guardian.email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/parent$/);
  const welcome = page.getByRole("region", { name: "Welkom bij Schoolkompas" });
  await expect(welcome).toContainText("De mentor van");
  await expect(welcome).toContainText("Je mag de mentor altijd bellen of mailen");
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: screen("welcome-nl-320.png"), fullPage: true });
  await welcome.getByRole("button", { name: "Begrepen" }).click();
  await expect(page.getByRole("region", { name: "Welkom bij Schoolkompas" })).toHaveCount(0);
});

test("after 10 wrong passwords the 11th attempt is refused, with the right password too: try again at HH:MM", async ({ page }) => {
  const guardian = await generatedGuardian(3);
  await restore(guardian.id);
  await query(`DELETE FROM "SignInThrottle"`);
  const before = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditLog" WHERE "actorUserId" = $1 AND action LIKE 'signin:%'`, [guardian.id]))[0].n;
  await page.goto("/login");
  for (let i = 0; i < 10; i++) {
    await page.locator("#email").fill(guardian.email);
    await page.locator("#password").fill(`fout-${i}`);
    await page.locator("main form button[type=submit]").click();
    await expect(page.locator("#login-error")).toHaveText("Inloggen is niet gelukt. Controleer je e-mailadres en wachtwoord.");
  }
  await page.locator("#email").fill(guardian.email);
  await page.locator("#password").fill(PASSWORD);
  await page.locator("main form button[type=submit]").click();
  const refused = page.locator("#login-error");
  await expect(refused).toHaveText(/^Te veel pogingen\. Probeer het opnieuw om \d{2}:\d{2} uur\.$/);
  await expect(refused).toBeFocused();
  // About 15 minutes from now, in Dutch time.
  const shown = (await refused.innerText()).match(/(\d{2}):(\d{2})/)!;
  const expected = new Intl.DateTimeFormat("nl-NL", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/Amsterdam" });
  const candidates = [14, 15, 16].map((m) => expected.format(new Date(Date.now() + m * 60_000)));
  expect(candidates).toContain(`${shown[1]}:${shown[2]}`);
  await expect(page).toHaveURL(/\/login/);
  await page.screenshot({ path: screen("login-throttled-nl-1280.png") });
  const audit = await query<{ action: string }>(`SELECT action FROM "AuditLog" WHERE "actorUserId" = $1 AND action LIKE 'signin:%' ORDER BY at`, [guardian.id]);
  expect(audit.slice(before).map((a) => a.action)).toEqual([...Array(10).fill("signin:failed"), "signin:throttled"]);
});

test("a mentor sets up two-step sign-in and signs in with a code; the invitations page for their class", async ({ page }) => {
  const mentor = await generatedMentor(0);
  await restore(mentor.id);
  await signIn(page, mentor.email);
  await expect(page).toHaveURL(/\/mentor$/);
  await page.getByRole("link", { name: "Ouders uitnodigen voor Schoolkompas" }).click();
  await expect(page).toHaveURL(/\/mentor\/invitations$/);
  await expect(page.getByRole("heading", { level: 1, name: "Ouders uitnodigen" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: screen("invitations-mentor-nl-1280.png") });

  await page.goto("/account");
  await page.getByRole("link", { name: "Tweestapsverificatie instellen" }).click();
  await expect(page).toHaveURL(/\/account\/two-step$/);
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 900 });
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: screen("two-step-setup-nl-320.png"), fullPage: true });
  const secret = (await page.locator("#totp-secret").innerText()).replace(/\s/g, "");
  await page.locator("#code").fill("000000");
  await page.getByRole("button", { name: "Aanzetten" }).click();
  await expectSummaryFocused(page, "Deze code klopt niet.");
  await page.locator("#code").fill(appCode(secret));
  await page.getByRole("button", { name: "Aanzetten" }).click();
  await expect(page.locator("#recovery-codes li")).toHaveCount(10);
  await expectAccessible(page);

  // Sign out, and in again: password, then a code (the next one: each code works once).
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  await signIn(page, mentor.email);
  await expect(page.getByRole("heading", { name: "Tweestapsverificatie" })).toBeVisible();
  await expect(page.locator("#code")).toBeFocused();
  await page.locator("#code").fill("123456");
  await page.locator("main form button[type=submit]").click();
  await expect(page.locator("#login-error")).toHaveText("Deze code klopt niet. Kijk in je app en probeer het opnieuw.");
  await page.locator("#code").fill(appCode(secret, 1));
  await page.locator("main form button[type=submit]").click();
  await expect(page).toHaveURL(/\/mentor$/);
});
