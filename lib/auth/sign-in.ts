import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { writeAnonymousAudit, type AuditContext } from "@/lib/auth/audit";

// Sign-in goes through next-auth's route (the form on /login posts there).
const SIGN_IN: AuditContext = { category: "account", route: "/api/auth/[...nextauth]" };
import { reserveSignInAttempt, returnAttempt, signInSucceeded, throttleKey, type Keys } from "@/lib/auth/throttle";
import { checkSecondStep } from "@/lib/auth/sign-in-second-step";

// One sign-in attempt, whatever carries it (next-auth's authorize, tests).
// Order matters for what an attacker can learn:
// 1. the attempt is counted against the account and the client address, and
//    refused before any password check once either is used up — also with the
//    right password, so guessing stops;
// 2. the password is hashed for unknown accounts too (verifyPassword), so
//    known and unknown addresses take the same time and get the same answer;
// 3. only after the right password does a two-step account ask for its code.

// A NUL byte is never typed; PostgreSQL refuses text holding one, so such an attempt fails like a wrong password.
const typed = (max: number) => z.string().max(max).refine((value) => !value.includes("\u0000"));
const Input = z.object({
  email: typed(254).transform((value) => value.trim().toLowerCase()),
  password: typed(1000),
  code: typed(40).transform((value) => value.trim()).optional(),
});

export type SignInAttempt = { email: unknown; password: unknown; code?: unknown; address: string };

export type SignInOutcome =
  | { ok: true; user: { id: string; name: string; sessionVersion: number } }
  | { ok: false; reason: "failed" | "codeNeeded" | "codeFailed" }
  | { ok: false; reason: "throttled"; retryAt: Date };

export async function attemptSignIn(attempt: SignInAttempt): Promise<SignInOutcome> {
  const parsed = Input.safeParse({ email: attempt.email ?? "", password: attempt.password ?? "", code: attempt.code || undefined });
  const email = parsed.success ? parsed.data.email : "";
  const password = parsed.success ? parsed.data.password : "";
  const keys: Keys = { account: throttleKey(`account\u0000${email}`), address: throttleKey(`address\u0000${attempt.address}`) };
  const addressKey = keys.address.slice(0, 12);

  const reservation = await reserveSignInAttempt(keys);
  const user = email
    ? await db.user.findUnique({
        where: { email },
        select: { id: true, name: true, passwordHash: true, sessionVersion: true, disabledAt: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true },
      })
    : null;
  if (!reservation.allowed) {
    await writeAnonymousAudit(user?.id ?? null, "signin:throttled", "DENIED", { reason: `${reservation.limit}-limit`, addressKey }, SIGN_IN);
    return { ok: false, reason: "throttled", retryAt: reservation.retryAt };
  }

  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid || user.disabledAt || !parsed.success || !password) {
    const reason = !user ? "unknown-account" : user.disabledAt ? "blocked" : !user.passwordHash ? "no-password" : "wrong-password";
    await writeAnonymousAudit(user?.id ?? null, "signin:failed", "DENIED", { reason, addressKey }, SIGN_IN);
    return { ok: false, reason: "failed" };
  }

  if (user.totpEnabledAt && user.totpSecret) {
    const code = parsed.data.code;
    if (!code) {
      // The right password is not a failure: the attempt's points go back.
      await returnAttempt(keys);
      return { ok: false, reason: "codeNeeded" };
    }
    if (!(await checkSecondStep({ id: user.id, totpSecret: user.totpSecret, totpLastStep: user.totpLastStep }, code))) {
      await writeAnonymousAudit(user.id, "signin:failed", "DENIED", { reason: "wrong-code", addressKey }, SIGN_IN);
      return { ok: false, reason: "codeFailed" };
    }
  }

  await signInSucceeded(keys);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await writeAnonymousAudit(user.id, "signin:succeeded", "ALLOWED", { addressKey }, SIGN_IN);
  return { ok: true, user: { id: user.id, name: user.name, sessionVersion: user.sessionVersion } };
}
