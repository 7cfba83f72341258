import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { MAIL_DIR } from "./env";
import { query } from "./fixtures";

// Helpers for tests/e2e/accounts.spec.ts: accounts of the generated demo data
// that no other spec uses, e-mail from the test SMTP receiver, TOTP codes.

type Mail = { id: string; to: string; subject: string; text: string; language: string };

/** The newest e-mail to `to` whose subject matches, received after `since` (ms). */
export async function waitForMail(to: string, subject: RegExp, since: number): Promise<Mail> {
  let found: Mail | null = null;
  await expect
    .poll(() => {
      if (!existsSync(MAIL_DIR)) return false;
      for (const file of readdirSync(MAIL_DIR).filter((f) => f.endsWith(".json"))) {
        const full = path.join(MAIL_DIR, file);
        if (statSync(full).mtimeMs < since) continue;
        const mail = JSON.parse(readFileSync(full, "utf8")) as Mail;
        if (mail.to === to && subject.test(mail.subject)) found = mail;
      }
      return found !== null;
    }, { timeout: 30_000, message: `an e-mail to the test account matching ${subject}` })
    .toBe(true);
  return found!;
}

/** The set-password link in an e-mail (absolute, with the token in the fragment). */
export function linkIn(mail: Mail): string {
  const link = /https?:\/\/\S+\/set-password#[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
  expect(link, "a set-password link").toBeTruthy();
  return link!;
}

/** A guardian of the generated data (not one of the named demo accounts) who may be informed about a current pupil. */
export async function generatedGuardian(offset: number) {
  const [row] = await query<{ id: string; email: string; name: string; schoolId: string; classId: string }>(
    `SELECT u.id, u.email, u.name, p."schoolId", p."classGroupId" AS "classId" FROM "User" u
       JOIN "Guardian" g ON g."userId" = u.id JOIN "GuardianLink" l ON l."guardianId" = g.id JOIN "Pupil" p ON p.id = l."pupilId"
      WHERE u.email LIKE '%@s%.ouders.demo.test' AND l."hasParentalAuthority" AND NOT l."accessRestricted" AND l."consentWithdrawnAt" IS NULL
        AND p."leftOn" IS NULL AND p."birthDate" > now() - interval '17 years' AND u.locale = 'nl'
      ORDER BY u.email OFFSET $1 LIMIT 1`,
    [offset],
  );
  return row;
}

/** A mentor of the generated data with a class this school year (not mentor@ or mentor2@demo.test). */
export async function generatedMentor(offset: number) {
  const [row] = await query<{ id: string; email: string }>(
    `SELECT DISTINCT u.id, u.email FROM "User" u JOIN "RoleMembership" r ON r."userId" = u.id AND r.role = 'MENTOR'
       JOIN "Staff" s ON s."userId" = u.id JOIN "Mentorship" m ON m."staffId" = s.id JOIN "ClassGroup" c ON c.id = m."classGroupId"
       JOIN "SchoolYear" y ON y.id = c."schoolYearId" AND y."startsOn" <= now() AND y."endsOn" >= now()
      WHERE u.email NOT LIKE '%@demo.test'
        AND NOT EXISTS (SELECT 1 FROM "RoleMembership" o WHERE o."userId" = u.id AND o.role <> 'MENTOR')
      ORDER BY u.email OFFSET $1 LIMIT 1`,
    [offset],
  );
  return row;
}

/** The code an authenticator app shows, `offsetSteps` steps of 30 s from now. */
export function appCode(secret: string, offsetSteps = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret.replace(/\s/g, "")), timestamp: Date.now() + offsetSteps * 30_000 });
}

/** After a rejected submit the error summary has focus (and so is scrolled into view). */
export async function expectSummaryFocused(page: Page, text: string | RegExp) {
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(text);
  await expect(summary).toBeInViewport();
}
