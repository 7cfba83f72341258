import "server-only";
import { db } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-rule";
import { hashAccountToken, isWellFormedToken, tokenState } from "@/lib/auth/account-tokens";
import { writeAnonymousAudit, writeAudit, type AuditContext } from "@/lib/auth/audit";

const FORGOT: AuditContext = { category: "account", route: "/forgot-password" };
const SET_PASSWORD: AuditContext = { category: "account", route: "/set-password" };
const ACCOUNT: AuditContext = { category: "account", route: "/account" };
import { assertCan } from "@/lib/auth/permissions";
import { accountBlockedUntil, countFailure, reserveResetMail, throttleKey } from "@/lib/auth/throttle";
import { queueAccountMail } from "@/lib/notifications/account-mail";
import { AccountFormError, TokenUnusableError } from "@/lib/domain/accounts/errors";
import type { Actor } from "@/lib/auth/types";

/** The new password twice: the rule's first problem, or a mismatch. */
function checkNewPassword(password: string, confirm: string, person: { email: string | null; name: string }): void {
  const problem = passwordProblem(password, person);
  if (problem) throw new AccountFormError({ password: `passwordErrors.${problem}` });
  if (confirm !== password) throw new AccountFormError({ confirm: "passwordErrors.mismatch" });
}

/**
 * "Forgot password": queues a link (valid 1 hour) when the address belongs to
 * an account that is not blocked. The caller answers the same whatever
 * happened here; the audit row says what did (without the address).
 */
export async function requestPasswordReset(email: string, clientAddress: string): Promise<void> {
  const keys = { account: throttleKey(`reset\u0000${email}`), address: throttleKey(`address\u0000${clientAddress}`) };
  const [reservation, user] = await Promise.all([
    reserveResetMail(keys),
    db.user.findUnique({ where: { email }, select: { id: true, email: true, locale: true, disabledAt: true } }),
  ]);
  const reason = !reservation.allowed ? `${reservation.limit}-limit` : !user ? "unknown-account" : user.disabledAt ? "blocked" : null;
  if (reason || !user?.email) {
    await writeAnonymousAudit(user?.id ?? null, "password:resetRequested", "DENIED", { reason: reason ?? "no-address" }, FORGOT);
    return;
  }
  const queued = await db.$transaction((tx) => queueAccountMail(tx, { kind: "PASSWORD_RESET", userId: user.id, email: user.email!, locale: user.locale }));
  await writeAnonymousAudit(user.id, "password:resetRequested", "ALLOWED", { queued: queued !== null }, FORGOT);
}

/** What the set-password page shows for a link: the form (with the account's address) or why it cannot be used. */
export async function inspectAccountToken(token: unknown, now = new Date()) {
  if (!isWellFormedToken(token)) return { state: "unknown" as const };
  const row = await db.accountToken.findUnique({
    where: { tokenHash: hashAccountToken(token) },
    select: { purpose: true, expiresAt: true, usedAt: true, user: { select: { email: true, disabledAt: true } } },
  });
  const state = tokenState(row && { expiresAt: row.expiresAt, usedAt: row.usedAt, userDisabled: row.user.disabledAt !== null }, now);
  return state === "valid" ? { state, purpose: row!.purpose, email: row!.user.email } : { state };
}

/**
 * Sets the password from an invitation or reset link. The link is claimed in
 * the same transaction that sets the password (a second submit finds it used),
 * every other open link of the user stops working, and every session of the
 * user ends. Throws TokenUnusableError or AccountFormError; nothing changes then.
 */
export async function setPasswordWithToken(input: { token: string; password: string; confirm: string }, now = new Date()): Promise<{ purpose: "INVITATION" | "PASSWORD_RESET" }> {
  if (!isWellFormedToken(input.token)) throw new TokenUnusableError("unknown");
  const row = await db.accountToken.findUnique({
    where: { tokenHash: hashAccountToken(input.token) },
    select: { id: true, userId: true, purpose: true, expiresAt: true, usedAt: true, user: { select: { email: true, name: true, disabledAt: true } } },
  });
  const state = tokenState(row && { expiresAt: row.expiresAt, usedAt: row.usedAt, userDisabled: row.user.disabledAt !== null }, now);
  if (state !== "valid" || !row) throw new TokenUnusableError(state === "valid" ? "unknown" : state);
  checkNewPassword(input.password, input.confirm, row.user);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const claimed = await tx.accountToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new TokenUnusableError("used");
    const updated = await tx.user.updateMany({
      where: { id: row.userId, disabledAt: null },
      data: { passwordHash, passwordChangedAt: now, sessionVersion: { increment: 1 } },
    });
    if (updated.count !== 1) throw new TokenUnusableError("blocked");
    await tx.accountToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
  });
  await writeAnonymousAudit(row.userId, row.purpose === "INVITATION" ? "password:set" : "password:reset", "ALLOWED", undefined, SET_PASSWORD);
  return { purpose: row.purpose };
}

/**
 * Changes the signed-in user's password: the current one first (a wrong one
 * counts as a failed sign-in, so this form cannot be used to guess), then the
 * new one twice. Every session of the user ends; returns the new session
 * version so the caller can keep this browser signed in.
 */
export async function changePassword(actor: Actor, input: { current: string; password: string; confirm: string }): Promise<number> {
  assertCan(actor, "profile:update");
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, name: true, passwordHash: true } });
  const key = throttleKey(`account\u0000${user.email ?? actor.userId}`);
  const blockedUntil = await accountBlockedUntil(key);
  if (blockedUntil) throw new AccountFormError({ current: "passwordErrors.throttled" }, { until: String(blockedUntil.getTime()) });
  if (!(await verifyPassword(user.passwordHash, input.current))) {
    await countFailure(key);
    await writeAudit(actor, "password:changed", "DENIED", actor.userId, { reason: "wrong-current" }, ACCOUNT);
    throw new AccountFormError({ current: "passwordErrors.currentWrong" });
  }
  checkNewPassword(input.password, input.confirm, user);
  if (input.password === input.current) throw new AccountFormError({ password: "passwordErrors.sameAsCurrent" });
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  const [updated] = await db.$transaction([
    db.user.update({ where: { id: actor.userId }, data: { passwordHash, passwordChangedAt: now, sessionVersion: { increment: 1 } }, select: { sessionVersion: true } }),
    // A reset link still lying in a mailbox must not undo this.
    db.accountToken.updateMany({ where: { userId: actor.userId, usedAt: null }, data: { usedAt: now } }),
  ]);
  await writeAudit(actor, "password:changed", "ALLOWED", actor.userId, undefined, ACCOUNT);
  return updated.sessionVersion;
}
