import "server-only";
import { db } from "@/lib/db/client";
import { guardianScope } from "@/lib/auth/scope";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";

export type WelcomeFacts = {
  children: { id: string; firstName: string; className: string; mentors: { name: string; email: string | null; phone: string | null; contactHours: string | null }[] }[];
};

/**
 * The first-sign-in welcome for a guardian: each child's mentor and how to
 * reach them. Null once the guardian said "got it" (actor.welcomed, read with
 * the actor: no extra query on the overview after that).
 */
export async function welcomeFacts(actor: Actor): Promise<WelcomeFacts | null> {
  if (actor.role !== "PARENT" || actor.welcomed) return null;
  assertCan(actor, "parent:view");
  const pupils = await db.pupil.findMany({
    // The children whose mentor card the guardian may see (the one rule).
    where: guardianScope(actor, "mentor"),
    orderBy: [{ birthDate: "asc" }, { id: "asc" }],
    select: {
      id: true,
      firstName: true,
      classGroup: {
        select: {
          name: true,
          mentorships: { select: { staff: { select: { phone: true, contactHours: true, user: { select: { name: true, email: true } } } } } },
        },
      },
    },
  });
  return {
    children: pupils.map((p) => ({
      id: p.id,
      firstName: p.firstName,
      className: p.classGroup.name,
      mentors: p.classGroup.mentorships.map(({ staff }) => ({ name: staff.user.name, email: staff.user.email, phone: staff.phone, contactHours: staff.contactHours })),
    })),
  };
}

/** "Got it": the welcome is not shown again. */
export async function markWelcomed(actor: Actor): Promise<void> {
  assertCan(actor, "profile:update");
  await db.user.updateMany({ where: { id: actor.userId, welcomedAt: null }, data: { welcomedAt: new Date() } });
}
