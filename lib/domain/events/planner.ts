import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { assertCan, can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/**
 * Whether the actor may plan the school's events: a school leader, or a staff
 * member (acting as mentor) whom a leader of their school allowed.
 */
export async function mayPlanEvents(actor: Actor): Promise<boolean> {
  if (!can(actor, "events:plan") || !actor.schoolId) return false;
  if (actor.role === "LEADER") return true;
  if (!actor.staffId) return false;
  return (await db.eventPlanner.count({ where: { staffId: actor.staffId, staff: { schoolId: actor.schoolId } } })) > 0;
}

/** The school whose events the actor plans; AppError("forbidden") when they may not. */
export async function plannerSchool(actor: Actor): Promise<string> {
  assertCan(actor, "events:plan");
  if (!(await mayPlanEvents(actor)) || !actor.schoolId) throw new AppError("forbidden");
  return actor.schoolId;
}
