import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";

/**
 * The schools that restricted this guardian's access to a child (a court
 * order, a safety reason): only the school's name and phone number, so the
 * guardian knows whom to ask (issue 18). Nothing about the child — not the
 * name, the class or the reason — since the restriction is exactly that the
 * guardian sees nothing through the portal. One entry per school. The scope is
 * the actor's own guardian links; the page asks only when it has no child to show.
 */
export async function restrictedSchools(actor: Actor): Promise<{ name: string; phone: string | null }[]> {
  assertCan(actor, "parent:view");
  if (actor.role !== "PARENT" || !actor.guardianId) return [];
  const links = await db.guardianLink.findMany({
    where: { guardianId: actor.guardianId, accessRestricted: true },
    select: { pupil: { select: { school: { select: { id: true, name: true, phone: true } } } } },
  });
  const schools = new Map(links.map(({ pupil: { school } }) => [school.id, { name: school.name, phone: school.phone }]));
  return [...schools.values()].sort((a, b) => a.name.localeCompare(b.name, "nl"));
}
