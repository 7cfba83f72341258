import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/auth/audit";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { boardSchool } from "@/lib/domain/schools/board-scope";
import { AdminValidationError } from "@/lib/domain/admin/form-state";
import { changedFields, type AuditValue } from "@/lib/domain/admin/changes";
import { slugCandidates } from "@/lib/domain/admin/slug";
import { SCHOOL_LEVELS } from "@/lib/domain/admin/school-fields";
import type { SchoolInput } from "@/lib/domain/admin/school-schemas";

const BRIN_TAKEN = new AdminValidationError({ brin: "schoolErrors.brinTaken" });

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** The columns the form writes, as the audit log compares them (levels as one text). */
function auditable(input: SchoolInput | Record<keyof SchoolInput, unknown>): Record<keyof SchoolInput, AuditValue> {
  const entries = Object.entries(input).map(([key, value]) => [key, Array.isArray(value) ? value.join(",") : (value as AuditValue)]);
  return Object.fromEntries(entries) as Record<keyof SchoolInput, AuditValue>;
}

/** The first free slug for a new school (the public profile's address). */
async function freeSlug(name: string, city: string): Promise<string> {
  const candidates = slugCandidates(name, city);
  const taken = new Set((await db.school.findMany({ where: { slug: { in: candidates } }, select: { slug: true } })).map((s) => s.slug));
  const free = candidates.find((c) => !taken.has(c));
  if (!free) throw new AdminValidationError({ name: "schoolErrors.nameTaken" });
  return free;
}

/**
 * A resubmission of the same form finds the school it created (same BRIN and
 * location, same board and name) and returns it; anyone else's school with
 * that BRIN and location is refused.
 */
async function sameSchool(actor: Actor, input: SchoolInput): Promise<string> {
  const existing = await db.school.findUnique({
    where: { brin_locationCode: { brin: input.brin, locationCode: input.locationCode } },
    select: { id: true, boardId: true, name: true },
  });
  if (existing && existing.boardId === actor.boardId && existing.name === input.name) return existing.id;
  throw BRIN_TAKEN;
}

/** Levels in the catalogue's order, so the same choice always reads (and audits) the same. */
const ordered = (input: SchoolInput): SchoolInput => ({ ...input, levels: SCHOOL_LEVELS.filter((l) => input.levels.includes(l)) });

/** Adds a school to the administrator's board. Safe to submit twice. Returns its id. */
export async function createSchool(actor: Actor, raw: SchoolInput): Promise<string> {
  const input = ordered(raw);
  assertCan(actor, "schools:manage");
  const boardId = actor.boardId;
  if (!boardId) throw new AppError("forbidden");
  const taken = await db.school.count({ where: { brin: input.brin, locationCode: input.locationCode } });
  if (taken) return sameSchool(actor, input);
  let id: string;
  try {
    ({ id } = await db.school.create({ data: { ...input, boardId, slug: await freeSlug(input.name, input.city) }, select: { id: true } }));
  } catch (error) {
    // Two submits at once: the unique BRIN + location lets one through.
    if (isUniqueViolation(error)) return sameSchool(actor, input);
    throw error;
  }
  await writeAudit(actor, "school:create", "ALLOWED", id, { brin: input.brin, locationCode: input.locationCode, kind: input.kind }, { category: "school", route: "/admin/schools/new" });
  return id;
}

/**
 * Saves a school's details and settings. Every changed field is audited with
 * its old and new value (none of them is personal data: the school's own
 * address, phone and e-mail). Returns the names of the changed fields.
 */
export async function updateSchool(actor: Actor, schoolId: string, raw: SchoolInput): Promise<string[]> {
  const input = ordered(raw);
  await boardSchool(actor, schoolId);
  const keys = Object.keys(input) as (keyof SchoolInput)[];
  let changes: ReturnType<typeof changedFields>;
  try {
    changes = await db.$transaction(async (tx) => {
      // Locked, so the old values in the audit row are the ones this update replaced.
      await tx.$queryRaw`SELECT "id" FROM "School" WHERE "id" = ${schoolId} FOR UPDATE`;
      const current = await tx.school.findUniqueOrThrow({ where: { id: schoolId }, select: Object.fromEntries(keys.map((k) => [k, true])) });
      const diff = changedFields(auditable(current as Record<keyof SchoolInput, unknown>), auditable(input));
      if (Object.keys(diff).length) await tx.school.update({ where: { id: schoolId }, data: input });
      return diff;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw BRIN_TAKEN;
    throw error;
  }
  if (Object.keys(changes).length) await writeAudit(actor, "school:update", "ALLOWED", schoolId, changes, { category: "school", route: "/admin/schools/[schoolId]" });
  return Object.keys(changes);
}
