import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";

/** The mentor's class groups of the current school year. */
export async function listMentorClasses(actor: Actor) {
  assertCan(actor, "mentor:view");
  return db.classGroup.findMany({
    where: { id: { in: actor.mentorOf } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, year: true, track: true },
  });
}
