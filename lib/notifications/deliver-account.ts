import { db } from "@/lib/db/client";
import { TOKEN_LIFETIME_MS, newAccountToken } from "@/lib/auth/account-tokens";
import { renderAccountMail } from "@/lib/notifications/account-templates";
import type { Transport } from "@/lib/notifications/transports/types";
import { failedSend } from "@/lib/notifications/send-failure";

// Delivering an invitation or reset e-mail (the row is already claimed, see
// deliver.ts). The single-use token is made here, at send time: its SHA-256
// goes into AccountToken, the token itself only into the e-mail. Making it
// closes the user's earlier open links of the same kind, so a resend leaves
// exactly one working link. A blocked account gets nothing.

export type ClaimedAccountMail = { id: string; kind: "INVITATION" | "PASSWORD_RESET"; userId: string | null; schoolId: string | null; attempts: number };
type Finish = (id: string, data: { status: "DELIVERED" | "SKIPPED" | "FAILED"; lastError?: string; providerRef?: string; subject?: string; body?: string }) => Promise<void>;
export type AccountMailDeps = { email: Transport; baseUrl: string; now?: () => Date };

export async function deliverAccountMail(n: ClaimedAccountMail, deps: AccountMailDeps, finish: Finish): Promise<"delivered" | "skipped" | "failed" | "retry"> {
  const user = n.userId
    ? await db.user.findUnique({
        where: { id: n.userId },
        select: { name: true, email: true, locale: true, disabledAt: true, passwordHash: true, guardian: { select: { id: true } } },
      })
    : null;
  if (!user || user.disabledAt) return finish(n.id, { status: "SKIPPED", lastError: "blocked" }).then(() => "skipped");
  if (n.kind === "INVITATION" && user.passwordHash) return finish(n.id, { status: "SKIPPED", lastError: "already-active" }).then(() => "skipped");
  if (!user.email) return finish(n.id, { status: "FAILED", lastError: "no-address" }).then(() => "failed");
  const school = n.schoolId ? await db.school.findUnique({ where: { id: n.schoolId }, select: { name: true } }) : null;

  const now = new Date();
  const validUntil = new Date(now.getTime() + TOKEN_LIFETIME_MS[n.kind]);
  const { token, tokenHash } = newAccountToken();
  await db.$transaction([
    db.accountToken.updateMany({ where: { userId: n.userId!, purpose: n.kind, usedAt: null }, data: { usedAt: now } }),
    db.accountToken.create({ data: { userId: n.userId!, purpose: n.kind, tokenHash, expiresAt: validUntil } }),
  ]);
  // In the fragment: browsers never send it to a server, so no server or proxy log can hold it (docs/decisions/0011).
  const facts = { kind: n.kind, name: user.name, email: user.email, schoolName: school?.name ?? null, audience: user.guardian ? "guardian" : "staff", validUntil } as const;
  const message = renderAccountMail(user.locale, { ...facts, link: `${deps.baseUrl}/set-password#${token}` });
  const asStored = renderAccountMail(user.locale, { ...facts, link: null });
  try {
    const { providerRef } = await deps.email.send({ id: n.id, to: user.email, subject: message.subject, text: message.text, locale: user.locale });
    await finish(n.id, { status: "DELIVERED", providerRef, subject: asStored.subject, body: asStored.text });
    return "delivered";
  } catch (error) {
    return failedSend(n, error, finish, deps.now?.() ?? new Date());
  }
}
