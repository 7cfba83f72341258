import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { hashAccountToken } from "@/lib/auth/account-tokens";
import { changePassword, inspectAccountToken, requestPasswordReset, setPasswordWithToken } from "@/lib/domain/accounts/password-commands";
import { AccountFormError, TokenUnusableError } from "@/lib/domain/accounts/errors";
import { invitePerson } from "@/lib/domain/invitations/commands";
import { createEmailTransport } from "@/lib/notifications/transports/email";
import { startWorker, type RunningWorker } from "@/lib/notifications/worker";
import { actorOf, createClass, createGuardianOf, createMentor, createPupil, createSchool, createUser } from "@/tests/factories";
import { startSmtpReceiver, waitUntil, type SmtpReceiver } from "@/tests/support/mail-receivers";

// Invitation and reset links end to end: outbox → worker → a real SMTP
// server → the link → a password. Links are single use, expire, die when a
// newer one is sent, and never appear anywhere but in the e-mail.

process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0000000000000000";
const NEW_PASSWORD = "zeilboot op het meer";
let smtp: SmtpReceiver;
let worker: RunningWorker;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  worker = await startWorker({
    connectionString: process.env.DATABASE_URL!,
    sweepSeconds: 1,
    deps: { email: createEmailTransport({ ...process.env, SMTP_URL: smtp.url }), baseUrl: "http://portal.test", leaseSeconds: 2 },
  });
});
afterAll(async () => {
  await worker.stop();
  await smtp.close();
});
afterEach(() => vi.useRealTimers());

/** A guardian as the import makes them: no password; invited by the school's administrator. */
async function importedGuardian(locale: "nl" | "ar" = "nl") {
  const { school, schoolYear, board } = await createSchool();
  const klas = await createClass(school.id, schoolYear.id);
  const pupil = await createPupil(school.id, klas.id);
  const guardian = await createGuardianOf([pupil.id]);
  await db.user.update({ where: { id: guardian.user.id }, data: { locale } });
  const admin = await actorOf((await createUser("ADMIN", { boardId: board.id })).id);
  return { school, guardian, admin, user: guardian.user as typeof guardian.user & { email: string } };
}

/** Waits for the e-mail to `to` (the n-th one) and returns its link's token. */
async function tokenFromMail(to: string, nth = 1): Promise<{ token: string; text: string; subject: string; language: string }> {
  await waitUntil(() => smtp.messages.filter((m) => m.to === to).length >= nth, 20_000, `e-mail ${nth} to the user`);
  const mail = smtp.messages.filter((m) => m.to === to)[nth - 1];
  const token = /http:\/\/portal\.test\/set-password#([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
  expect(token, mail.text).toBeTruthy();
  return { token: token!, text: mail.text, subject: mail.subject, language: mail.language };
}

/** Every row of every table, as text, that contains `needle`. */
async function tablesContaining(needle: string): Promise<string[]> {
  const tables = await db.$queryRaw<{ name: string }[]>`SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  const hits: string[] = [];
  for (const { name } of tables) {
    const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${name}" t WHERE t::text LIKE '%' || $1 || '%'`, needle);
    if (n) hits.push(name);
  }
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker._private_jobs j WHERE j::text LIKE '%' || ${needle} || '%'`;
  if (n) hits.push("graphile_worker.jobs");
  return hits;
}

describe("an invitation", () => {
  it("reaches the guardian in their language with a link that sets a password once, and the token is stored nowhere", async () => {
    const output: string[] = [];
    const capture = (stream: NodeJS.WriteStream) => vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => (output.push(String(chunk)), true));
    const spies = [capture(process.stdout), capture(process.stderr), vi.spyOn(console, "log").mockImplementation((...a) => void output.push(a.join(" "))), vi.spyOn(console, "warn").mockImplementation((...a) => void output.push(a.join(" ")))];

    const { school, admin, user } = await importedGuardian("ar");
    await invitePerson(admin, { schoolId: school.id, userId: user.id, requestKey: crypto.randomUUID() });
    const mail = await tokenFromMail(user.email);
    expect(mail.language).toBe("ar");
    expect(mail.subject).toBe(`تدعوك ${school.name} إلى Schoolkompas`);

    // Only the hash is stored; the outbox keeps the text with the link left out.
    const stored = await db.accountToken.findFirstOrThrow({ where: { userId: user.id, purpose: "INVITATION" } });
    expect(stored.tokenHash).toBe(hashAccountToken(mail.token));
    const notification = await db.notification.findFirstOrThrow({ where: { userId: user.id, kind: "INVITATION" } });
    expect(notification.status).toBe("DELIVERED");
    expect(notification.body).toContain("(تم حذف الرابط)");
    expect(notification.body).not.toContain("set-password#");

    expect(await inspectAccountToken(mail.token)).toEqual({ state: "valid", purpose: "INVITATION", email: user.email });
    await setPasswordWithToken({ token: mail.token, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(after.passwordChangedAt).not.toBeNull();

    // Used once: the same link is refused and changes nothing.
    await expect(setPasswordWithToken({ token: mail.token, password: "een heel ander wachtwoord", confirm: "een heel ander wachtwoord" })).rejects.toEqual(new TokenUnusableError("used"));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(after.passwordHash);
    expect(await db.auditLog.count({ where: { actorUserId: user.id, action: "password:set", outcome: "ALLOWED" } })).toBe(1);

    for (const spy of spies) spy.mockRestore();
    expect(output.join("")).not.toContain(mail.token);
    expect(await tablesContaining(mail.token)).toEqual([]);
    // (The search does find what is there: the hash, in its one table.)
    expect(await tablesContaining(stored.tokenHash)).toEqual(["AccountToken"]);
  });

  it("sent again makes a new link, and the old one stops working", async () => {
    const { school, admin, user } = await importedGuardian();
    await invitePerson(admin, { schoolId: school.id, userId: user.id, requestKey: crypto.randomUUID() });
    const first = await tokenFromMail(user.email, 1);
    await invitePerson(admin, { schoolId: school.id, userId: user.id, requestKey: crypto.randomUUID() });
    const second = await tokenFromMail(user.email, 2);
    expect(second.token).not.toBe(first.token);
    expect(await inspectAccountToken(first.token)).toEqual({ state: "used" });
    await expect(setPasswordWithToken({ token: first.token, password: NEW_PASSWORD, confirm: NEW_PASSWORD })).rejects.toEqual(new TokenUnusableError("used"));
    await setPasswordWithToken({ token: second.token, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
  });

  it("expires after 7 days", async () => {
    const { school, admin, user } = await importedGuardian();
    await invitePerson(admin, { schoolId: school.id, userId: user.id, requestKey: crypto.randomUUID() });
    const { token } = await tokenFromMail(user.email);
    const later = new Date(Date.now() + 7 * 86_400_000 + 1000);
    expect(await inspectAccountToken(token, later)).toEqual({ state: "expired" });
    await expect(setPasswordWithToken({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, later)).rejects.toEqual(new TokenUnusableError("expired"));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();
  });

  it("for a blocked account: no e-mail goes out, and an earlier link gives the clear page", async () => {
    const { school, admin, user } = await importedGuardian();
    await invitePerson(admin, { schoolId: school.id, userId: user.id, requestKey: crypto.randomUUID() });
    const { token } = await tokenFromMail(user.email);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await inspectAccountToken(token)).toEqual({ state: "blocked" });
    await expect(setPasswordWithToken({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD })).rejects.toEqual(new TokenUnusableError("blocked"));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();
    // Blocked after being queued: the worker skips it.
    const other = await importedGuardian();
    await db.$transaction(async (tx) => {
      const { queueAccountMail } = await import("@/lib/notifications/account-mail");
      await queueAccountMail(tx, { kind: "INVITATION", userId: other.user.id, email: other.user.email, locale: "nl", schoolId: other.school.id });
      await tx.user.update({ where: { id: other.user.id }, data: { disabledAt: new Date() } });
    });
    await waitUntil(async () => (await db.notification.findFirst({ where: { userId: other.user.id } }))?.status === "SKIPPED", 20_000, "skipped");
    expect(smtp.messages.some((m) => m.to === other.user.email)).toBe(false);
  });

  it("refuses a password that breaks the rule with a specific error, and keeps the link usable", async () => {
    const { school, admin, user } = await importedGuardian();
    await invitePerson(admin, { schoolId: school.id, userId: user.id, requestKey: crypto.randomUUID() });
    const { token } = await tokenFromMail(user.email);
    const attempt = (password: string, confirm = password) => setPasswordWithToken({ token, password, confirm }).catch((e: unknown) => e);
    expect(await attempt("kort")).toEqual(new AccountFormError({ password: "passwordErrors.tooShort" }));
    expect(await attempt("password1234")).toEqual(new AccountFormError({ password: "passwordErrors.common" }));
    expect(await attempt(`${user.email}!`)).toEqual(new AccountFormError({ password: "passwordErrors.personal" }));
    expect(await attempt(NEW_PASSWORD, `${NEW_PASSWORD} `)).toEqual(new AccountFormError({ confirm: "passwordErrors.mismatch" }));
    for (const bad of ["", "not-a-token", `${token.slice(0, -1)}x`]) expect(await inspectAccountToken(bad)).toEqual({ state: "unknown" });
    expect(await inspectAccountToken(token)).toMatchObject({ state: "valid" });
  });
});

describe("forgot password", () => {
  it("answers the same for known and unknown addresses, e-mails only the known one, and its link lasts 1 hour", async () => {
    const user = await createUser("PARENT");
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword("oud wachtwoord van mij") } });
    expect(await requestPasswordReset(user.email!, "203.0.113.9")).toBeUndefined();
    expect(await requestPasswordReset("nobody-at-all@test.test", "203.0.113.9")).toBeUndefined();
    const { token, subject } = await tokenFromMail(user.email!);
    expect(subject).toBe("Kies een nieuw wachtwoord voor Schoolkompas");
    expect(await db.notification.count({ where: { kind: "PASSWORD_RESET", address: "nobody-at-all@test.test" } })).toBe(0);
    const audits = await db.auditLog.findMany({ where: { action: "password:resetRequested" }, orderBy: { at: "asc" } });
    expect(audits.slice(-2).map((a) => [a.actorUserId, a.outcome])).toEqual([[user.id, "ALLOWED"], [null, "DENIED"]]);
    expect(JSON.stringify(audits)).not.toContain("nobody-at-all");
    expect(JSON.stringify(audits)).not.toContain(user.email!);

    const inAnHour = new Date(Date.now() + 60 * 60_000 + 1000);
    expect(await inspectAccountToken(token, inAnHour)).toEqual({ state: "expired" });
    expect(await setPasswordWithToken({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD })).toEqual({ purpose: "PASSWORD_RESET" });
    expect(await db.auditLog.count({ where: { actorUserId: user.id, action: "password:reset" } })).toBe(1);
  });

  it("sends a blocked account nothing, and stops after 3 e-mails an hour to one address", async () => {
    const blocked = await createUser("PARENT");
    await db.user.update({ where: { id: blocked.id }, data: { disabledAt: new Date() } });
    await requestPasswordReset(blocked.email!, "203.0.113.10");
    expect(await db.notification.count({ where: { userId: blocked.id } })).toBe(0);

    const user = await createUser("PARENT");
    for (let i = 0; i < 5; i++) {
      await requestPasswordReset(user.email!, `203.0.113.${20 + i}`);
      await waitUntil(async () => (await db.notification.count({ where: { userId: user.id, status: { in: ["PENDING", "SENDING"] } } })) === 0, 20_000, "sent");
    }
    expect(await db.notification.count({ where: { userId: user.id, kind: "PASSWORD_RESET" } })).toBe(3);
  });
});

describe("changing the password", () => {
  it("asks the current one, ends every other session, and makes an open reset link useless", async () => {
    const { school } = await createSchool();
    const { user } = await createMentor(school.id, []);
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword("het oude wachtwoord hier") } });
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const actor = await actorOf(user.id);
    await requestPasswordReset(user.email!, "203.0.113.40");
    const { token } = await tokenFromMail(user.email!);

    await expect(changePassword(actor, { current: "niet goed", password: NEW_PASSWORD, confirm: NEW_PASSWORD })).rejects.toEqual(new AccountFormError({ current: "passwordErrors.currentWrong" }));
    await expect(changePassword(actor, { current: "het oude wachtwoord hier", password: "het oude wachtwoord hier", confirm: "het oude wachtwoord hier" })).rejects.toEqual(new AccountFormError({ password: "passwordErrors.sameAsCurrent" }));
    const version = await changePassword(actor, { current: "het oude wachtwoord hier", password: NEW_PASSWORD, confirm: NEW_PASSWORD });

    expect(version).toBe(before.sessionVersion + 1);
    expect(await loadActor(user.id, before.sessionVersion)).toBeNull();
    expect(await loadActor(user.id, version)).not.toBeNull();
    expect(await inspectAccountToken(token)).toEqual({ state: "used" });
    expect(await db.auditLog.count({ where: { actorUserId: user.id, action: "password:changed", outcome: "ALLOWED" } })).toBe(1);
    expect(await db.auditLog.count({ where: { actorUserId: user.id, action: "password:changed", outcome: "DENIED" } })).toBe(1);
  });
});
