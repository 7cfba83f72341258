import "server-only";
import { db } from "@/lib/db/client";
import { writeAnonymousAudit } from "@/lib/auth/audit";
import { acceptTotp, codeKind, decryptTotpSecret, hashRecoveryCode } from "@/lib/auth/two-step";

/**
 * The second step of sign-in: a code from the authenticator app (each code
 * once: the accepted time step is stored with a compare-and-set, so two
 * requests with one code cannot both pass) or one of the recovery codes
 * (each once).
 */
export async function checkSecondStep(user: { id: string; totpSecret: string; totpLastStep: number | null }, code: string, now = Date.now()): Promise<boolean> {
  const kind = codeKind(code);
  if (kind === "totp") {
    const step = acceptTotp(decryptTotpSecret(user.totpSecret), code, now, user.totpLastStep);
    if (step === null) return false;
    const claimed = await db.user.updateMany({
      where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return claimed.count === 1;
  }
  if (kind === "recovery") {
    const used = await db.recoveryCode.updateMany({
      where: { userId: user.id, codeHash: hashRecoveryCode(code), usedAt: null },
      data: { usedAt: new Date(now) },
    });
    if (used.count !== 1) return false;
    const left = await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
    await writeAnonymousAudit(user.id, "twoFactor:recoveryCodeUsed", "ALLOWED", { left }, { category: "account", route: "/api/auth/[...nextauth]" });
    return true;
  }
  return false;
}
