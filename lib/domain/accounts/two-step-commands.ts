import "server-only";
import QRCode from "qrcode";
import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { writeAudit, type AuditContext } from "@/lib/auth/audit";

const TWO_STEP: AuditContext = { category: "account", route: "/account/two-step" };
import { assertCan } from "@/lib/auth/permissions";
import { countFailure, throttleKey } from "@/lib/auth/throttle";
import { checkSecondStep } from "@/lib/auth/sign-in-second-step";
import {
  acceptTotp, decryptTotpSecret, encryptTotpSecret, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri,
} from "@/lib/auth/two-step";
import { AccountFormError } from "@/lib/domain/accounts/errors";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/types";
import type { Role } from "@/lib/generated/prisma/enums";

const STAFF_ROLES: readonly Role[] = ["MENTOR", "LEADER", "ATTENDANCE_OFFICER", "ADMIN"];

/** Two-step sign-in is for accounts that hold a staff or administrator role (any of them, not only the active one). */
export function mayUseTwoStep(actor: Actor): boolean {
  return actor.memberships.some((m) => STAFF_ROLES.includes(m.role));
}

function assertMayUseTwoStep(actor: Actor): void {
  assertCan(actor, "profile:update");
  if (!mayUseTwoStep(actor)) throw new AppError("forbidden");
}

export type TwoStepState =
  | { enabled: true; required: boolean; recoveryCodesLeft: number }
  | { enabled: false; required: boolean; qrSvg: string; secret: string; uri: string };

/**
 * The set-up page's data. Until two-step sign-in is on, the user has a
 * pending secret (encrypted, like an active one); the first visit makes it and
 * later visits show the same one, so two open tabs show one QR code.
 */
export async function twoStepState(actor: Actor): Promise<TwoStepState> {
  assertMayUseTwoStep(actor);
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { email: true, totpSecret: true, totpEnabledAt: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  });
  if (user.totpEnabledAt) return { enabled: true, required: actor.twoFactor.required, recoveryCodesLeft: user._count.recoveryCodes };
  let secret = user.totpSecret ? decryptTotpSecret(user.totpSecret) : null;
  if (!secret) {
    secret = newTotpSecret();
    const stored = encryptTotpSecret(secret);
    // Only when there is still none: another tab may have made it meanwhile.
    const made = await db.user.updateMany({ where: { id: actor.userId, totpSecret: null, totpEnabledAt: null }, data: { totpSecret: stored } });
    if (made.count === 0) return twoStepState(actor);
  }
  const uri = totpUri(secret, user.email ?? actor.name);
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M", color: { dark: "#0f172a", light: "#ffffff" } });
  return { enabled: false, required: actor.twoFactor.required, qrSvg, secret, uri };
}

/** Turns two-step sign-in on once the user typed a code from the app; returns the 10 recovery codes, shown once. */
export async function enableTwoStep(actor: Actor, code: string, now = Date.now()): Promise<string[]> {
  assertMayUseTwoStep(actor);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt || !user.totpSecret) throw new AppError("conflict");
  const step = acceptTotp(decryptTotpSecret(user.totpSecret), code, now, null);
  if (step === null) throw new AccountFormError({ code: "twoFactor.errors.codeWrong" });
  const codes = newRecoveryCodes();
  const enabled = await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: actor.userId, totpEnabledAt: null, totpSecret: user.totpSecret },
      data: { totpEnabledAt: new Date(now), totpLastStep: step },
    });
    if (updated.count !== 1) return false;
    await tx.recoveryCode.deleteMany({ where: { userId: actor.userId } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: actor.userId, codeHash: hashRecoveryCode(c) })) });
    return true;
  });
  // Submitted twice: the first submit turned it on and showed the codes.
  if (!enabled) throw new AppError("conflict");
  await writeAudit(actor, "twoFactor:enabled", "ALLOWED", actor.userId, undefined, TWO_STEP);
  return codes;
}

/** Turns two-step sign-in off, confirmed with a current code (or a recovery code) or the password. */
export async function disableTwoStep(actor: Actor, input: { code: string; password: string }): Promise<void> {
  assertMayUseTwoStep(actor);
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { email: true, passwordHash: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (!user.totpEnabledAt || !user.totpSecret) return;
  if (!input.code && !input.password) throw new AccountFormError({ code: "twoFactor.errors.confirmRequired" });
  const confirmed = input.code
    ? await checkSecondStep({ id: actor.userId, totpSecret: user.totpSecret, totpLastStep: user.totpLastStep }, input.code)
    : await verifyPassword(user.passwordHash, input.password);
  if (!confirmed) {
    await countFailure(throttleKey(`account\u0000${user.email ?? actor.userId}`));
    await writeAudit(actor, "twoFactor:disabled", "DENIED", actor.userId, { reason: input.code ? "wrong-code" : "wrong-password" }, TWO_STEP);
    throw new AccountFormError(input.code ? { code: "twoFactor.errors.codeWrong" } : { password: "passwordErrors.currentWrong" });
  }
  await db.$transaction([
    db.user.update({ where: { id: actor.userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } }),
    db.recoveryCode.deleteMany({ where: { userId: actor.userId } }),
  ]);
  await writeAudit(actor, "twoFactor:disabled", "ALLOWED", actor.userId, { required: actor.twoFactor.required }, TWO_STEP);
}
