import { afterEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { assertCan, needsTwoStepSetUp } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/guard";
import { decryptTotpSecret, totpCode } from "@/lib/auth/two-step";
import { disableTwoStep, enableTwoStep, mayUseTwoStep, twoStepState } from "@/lib/domain/accounts/two-step-commands";
import { inviteEveryone } from "@/lib/domain/invitations/commands";
import { AccountFormError } from "@/lib/domain/accounts/errors";
import { AppError } from "@/lib/errors";
import { actorOf, createClass, createGuardianOf, createMentor, createPupil, createSchool } from "@/tests/factories";

// Two-step sign-in: set-up, sign-in with a code or a recovery code, and the
// board's requirement. The clock is moved with fake timers on Date.

process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0000000000000000";
// The signed-in user of a page request (the session module reads cookies, which tests have not).
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
const PASSWORD = "mentor wachtwoord lang genoeg";
let address = 0;
const from = () => `192.0.2.${++address}`;

afterEach(() => vi.useRealTimers());

async function mentor() {
  const { school, schoolYear, board } = await createSchool();
  const klas = await createClass(school.id, schoolYear.id);
  const m = await createMentor(school.id, [klas.id]);
  await db.user.update({ where: { id: m.user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
  return { school, board, klas, user: m.user as typeof m.user & { email: string } };
}

/** The secret as the QR code gives it to the app. */
async function appSecret(userId: string) {
  const { totpSecret } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true } });
  return decryptTotpSecret(totpSecret!);
}

describe("setting up two-step sign-in", () => {
  it("shows one pending secret (encrypted at rest), turns on only with a right code, and gives 10 recovery codes once", async () => {
    const m = await mentor();
    const actor = await actorOf(m.user.id);
    expect(mayUseTwoStep(actor)).toBe(true);
    const first = await twoStepState(actor);
    const second = await twoStepState(actor);
    if (first.enabled || second.enabled) throw new Error("not yet enabled");
    expect(second.secret).toBe(first.secret);
    expect(first.qrSvg).toMatch(/^<svg/);
    expect(first.uri).toContain(`secret=${first.secret}`);
    const stored = await db.user.findUniqueOrThrow({ where: { id: m.user.id } });
    expect(stored.totpSecret).not.toContain(first.secret);
    expect(stored.totpEnabledAt).toBeNull();

    await expect(enableTwoStep(actor, "000000")).rejects.toEqual(new AccountFormError({ code: "twoFactor.errors.codeWrong" }));
    const codes = await enableTwoStep(actor, totpCode(first.secret, Date.now()));
    expect(codes).toHaveLength(10);
    const rows = await db.recoveryCode.findMany({ where: { userId: m.user.id } });
    expect(rows).toHaveLength(10);
    expect(JSON.stringify(rows)).not.toContain(codes[0]);
    expect((await actorOf(m.user.id)).twoFactor.enabled).toBe(true);
    expect(await twoStepState(await actorOf(m.user.id))).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    expect(await db.auditLog.count({ where: { actorUserId: m.user.id, action: "twoFactor:enabled" } })).toBe(1);
  });

  it("is not offered to a parent", async () => {
    const { school, schoolYear } = await createSchool();
    const pupil = await createPupil(school.id, (await createClass(school.id, schoolYear.id)).id);
    const parent = await actorOf((await createGuardianOf([pupil.id])).user.id);
    expect(mayUseTwoStep(parent)).toBe(false);
    await expect(twoStepState(parent)).rejects.toEqual(new AppError("forbidden"));
  });
});

describe("signing in with two steps", () => {
  it("asks for the code after the right password, accepts each code once (±30 s), and counts wrong codes as failures", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-07T09:00:10Z") });
    const m = await mentor();
    const actor = await actorOf(m.user.id);
    const state = await twoStepState(actor);
    if (state.enabled) throw new Error("not yet enabled");
    await enableTwoStep(actor, totpCode(state.secret, Date.now() - 30_000));
    const secret = await appSecret(m.user.id);
    const ip = from();

    expect(await attemptSignIn({ email: m.user.email, password: "wrong", address: ip })).toMatchObject({ reason: "failed" });
    expect(await attemptSignIn({ email: m.user.email, password: PASSWORD, address: ip })).toMatchObject({ reason: "codeNeeded" });
    expect(await attemptSignIn({ email: m.user.email, password: PASSWORD, code: "123456", address: ip })).toMatchObject({ reason: "codeFailed" });
    vi.setSystemTime(new Date("2026-12-07T09:01:10Z"));
    // The phone's clock is 30 s behind: still accepted.
    const code = totpCode(secret, Date.now() - 30_000);
    expect((await attemptSignIn({ email: m.user.email, password: PASSWORD, code, address: ip })).ok).toBe(true);
    // The same code a second time (seen over a shoulder): refused.
    expect(await attemptSignIn({ email: m.user.email, password: PASSWORD, code, address: ip })).toMatchObject({ reason: "codeFailed" });
    // Wrong codes count towards the limit like wrong passwords: 10 in a row, then refused.
    for (let i = 0; i < 9; i++) await attemptSignIn({ email: m.user.email, password: PASSWORD, code: "000000", address: ip });
    expect(await attemptSignIn({ email: m.user.email, password: PASSWORD, code: totpCode(secret, Date.now() + 30_000), address: ip })).toMatchObject({ reason: "throttled" });
    const failures = await db.auditLog.findMany({ where: { actorUserId: m.user.id, action: "signin:failed" } });
    expect(failures.filter((f) => (f.details as { reason: string }).reason === "wrong-code")).toHaveLength(11);
  });

  it("accepts a recovery code once", async () => {
    const m = await mentor();
    const actor = await actorOf(m.user.id);
    const state = await twoStepState(actor);
    if (state.enabled) throw new Error("not yet enabled");
    const codes = await enableTwoStep(actor, totpCode(state.secret, Date.now()));
    const ip = from();
    expect((await attemptSignIn({ email: m.user.email, password: PASSWORD, code: codes[3].toUpperCase(), address: ip })).ok).toBe(true);
    expect(await attemptSignIn({ email: m.user.email, password: PASSWORD, code: codes[3], address: ip })).toMatchObject({ reason: "codeFailed" });
    const used = await db.auditLog.findFirstOrThrow({ where: { actorUserId: m.user.id, action: "twoFactor:recoveryCodeUsed" } });
    expect(used.details).toEqual({ left: 9 });
  });

  it("is turned off with a current code or the password, not with a wrong one", async () => {
    const m = await mentor();
    const actor = await actorOf(m.user.id);
    const state = await twoStepState(actor);
    if (state.enabled) throw new Error("not yet enabled");
    await enableTwoStep(actor, totpCode(state.secret, Date.now() - 30_000));
    const on = await actorOf(m.user.id);
    await expect(disableTwoStep(on, { code: "", password: "not it" })).rejects.toEqual(new AccountFormError({ password: "passwordErrors.currentWrong" }));
    await expect(disableTwoStep(on, { code: "", password: "" })).rejects.toEqual(new AccountFormError({ code: "twoFactor.errors.confirmRequired" }));
    await disableTwoStep(on, { code: totpCode(state.secret, Date.now()), password: "" });
    const user = await db.user.findUniqueOrThrow({ where: { id: m.user.id } });
    expect([user.totpSecret, user.totpEnabledAt, await db.recoveryCode.count({ where: { userId: m.user.id } })]).toEqual([null, null, 0]);
    expect((await attemptSignIn({ email: m.user.email, password: PASSWORD, address: from() })).ok).toBe(true);
    expect(await db.auditLog.count({ where: { actorUserId: m.user.id, action: "twoFactor:disabled", outcome: "DENIED" } })).toBe(1);
  });
});

describe("when the board requires it", () => {
  it("staff can do nothing but set it up first; after that, everything as before", async () => {
    const m = await mentor();
    await db.board.update({ where: { id: m.board.id }, data: { requireStaffTwoFactor: true } });
    const actor = await actorOf(m.user.id);
    expect(actor.twoFactor).toEqual({ enabled: false, required: true });
    expect(needsTwoStepSetUp(actor)).toBe(true);
    expect(() => assertCan(actor, "mentor:view")).toThrow(new AppError("twoFactorRequired"));
    expect(() => assertCan(actor, "profile:update")).not.toThrow();
    await expect(inviteEveryone(actor, { schoolId: null, classId: m.klas.id, requestKey: crypto.randomUUID() })).rejects.toEqual(new AppError("twoFactorRequired"));
    // Every portal page sends them to the set-up page; the set-up page itself opens.
    session.actor = actor;
    const redirected = await requirePermission("mentor:view", "/mentor", { route: "/mentor", category: "contacts" }).catch((e: unknown) => e);
    expect(String((redirected as { digest?: string }).digest)).toMatch(/^NEXT_REDIRECT;[a-z]+;\/account\/two-step\?required=1;/);
    expect(await requirePermission("profile:update", "/account/two-step", { route: "/account/two-step", category: "account" })).toBe(actor);

    const state = await twoStepState(actor);
    if (state.enabled) throw new Error("not yet enabled");
    await enableTwoStep(actor, totpCode(state.secret, Date.now()));
    const after = await actorOf(m.user.id);
    expect(needsTwoStepSetUp(after)).toBe(false);
    expect(() => assertCan(after, "mentor:view")).not.toThrow();
    session.actor = after;
    expect(await requirePermission("mentor:view", "/mentor", { route: "/mentor", category: "contacts" })).toBe(after);
  });

  it("does not concern a parent of a school of that board", async () => {
    const { school, schoolYear, board } = await createSchool();
    await db.board.update({ where: { id: board.id }, data: { requireStaffTwoFactor: true } });
    const pupil = await createPupil(school.id, (await createClass(school.id, schoolYear.id)).id);
    const parent = await actorOf((await createGuardianOf([pupil.id])).user.id);
    expect(parent.twoFactor.required).toBe(false);
  });
});
