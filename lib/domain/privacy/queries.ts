import "server-only";
import { db } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import { scopeFor } from "@/lib/auth/scope";
import { denyAccess, writeAudit, type AuditCategory, type AuditContext, type AuditRoute } from "@/lib/auth/audit";
import { guardianRights, type GuardianRights } from "@/lib/auth/guardian-rights";
import { LINK_FACTS_SELECT } from "@/lib/auth/guardian-rights-forms";
import type { Actor } from "@/lib/auth/types";
import { PRIVACY_ROUTES } from "@/lib/domain/privacy/categories";
import { usedFilters, type AccessFilter } from "@/lib/domain/privacy/filter";
import type { Cursor } from "@/lib/domain/privacy/cursor";
import {
  PAGE_SIZE, batchStatement, countStatement, pageOf, pageStatement, pupilConditions, schoolConditions, toRows,
  type AccessPage, type AccessRow, type PageRequest, type RawRow,
} from "@/lib/domain/privacy/sql";
import type { Prisma } from "@/lib/generated/prisma/client";

// Who looked at a pupil's data, from the audit log (docs/decisions/0024):
// the school leader sees their school, a guardian each child they may see,
// a pupil with an account themselves. Every look at the log is itself logged.

const context = (route: AuditRoute): AuditContext => ({ category: "audit", route });

/** The most rows one CSV export holds (decision 0024). */
export const EXPORT_CAP = 100_000;
const EXPORT_BATCH = 2_000;

/** `total` counts up to EXPORT_CAP + 1: more than that reads as "more than 100,000". */
export type SchoolAccess = AccessPage & { total: number };

/** The school leader's view: the rows of their school matching the filter, one page and the count (two statements, in parallel). */
export async function listSchoolAccess(actor: Actor, filter: AccessFilter, page: PageRequest): Promise<SchoolAccess> {
  const schoolId = leaderSchool(actor) ?? (await denyAccess(actor, "privacy:view", null, context(PRIVACY_ROUTES.leader)));
  const where = schoolConditions(schoolId, filter);
  const [result, total] = await Promise.all([readPage(where, page), countRows(where, EXPORT_CAP + 1)]);
  await writeAudit(actor, "privacy:view", "ALLOWED", null, filterDetails(filter), context(PRIVACY_ROUTES.leader));
  return { ...result, total };
}

export type SchoolExport = { total: number; capped: boolean; batches: () => AsyncGenerator<AccessRow[]> };

/**
 * The same rows for a CSV file, newest first, read in batches of 2,000 while
 * the file is written. More than EXPORT_CAP rows: `capped`, nothing is read
 * (the leader narrows the filter). Audited with the number of rows.
 */
export async function exportSchoolAccess(actor: Actor, filter: AccessFilter): Promise<SchoolExport> {
  const schoolId = leaderSchool(actor) ?? (await denyAccess(actor, "privacy:export", null, context(PRIVACY_ROUTES.export)));
  const where = schoolConditions(schoolId, filter);
  const total = await countRows(where, EXPORT_CAP + 1);
  const capped = total > EXPORT_CAP;
  await writeAudit(actor, "privacy:export", "ALLOWED", null, { ...filterDetails(filter), rows: total, capped }, context(PRIVACY_ROUTES.export));
  return { total, capped, batches: () => readAll(where, EXPORT_BATCH, capped ? 0 : EXPORT_CAP) };
}

function leaderSchool(actor: Actor): string | null {
  return can(actor, "leader:view") && actor.schoolId ? actor.schoolId : null;
}

function filterDetails(filter: AccessFilter): { filters: string } | undefined {
  const used = usedFilters(filter);
  return used ? { filters: used } : undefined;
}

export type PupilAccess = AccessPage & { total: number; pupil: { id: string; firstName: string; lastName: string } };

/**
 * A guardian's view of one child they may see (guardian-rights rule, through
 * scopeFor): the looks and refusals of staff and administrators — never other
 * guardians', nor their own. Anyone else: 404 and an audit row naming the pupil.
 */
export async function listChildAccess(actor: Actor, pupilId: string, page: PageRequest, now: Date = new Date()): Promise<PupilAccess> {
  const route = PRIVACY_ROUTES.child;
  const found = can(actor, "parent:view") && actor.guardianId
    ? await db.pupil.findFirst({
        where: { id: pupilId, ...scopeFor(actor, "pupil") },
        select: { id: true, firstName: true, lastName: true, birthDate: true, guardianLinks: { where: { guardianId: actor.guardianId }, select: LINK_FACTS_SELECT, take: 1 } },
      })
    : null;
  const link = found?.guardianLinks[0];
  if (!found || !link) return denyAccess(actor, "privacy:view", pupilId, context(route));
  const { id, firstName, lastName } = found;
  return pupilAccess(actor, { id, firstName, lastName }, page, route, visibleCategories(guardianRights(link, found.birthDate, now)));
}

/**
 * A guardian sees looks at what they may see themselves: everything with
 * parental authority or the adult pupil's consent; with an information grant
 * (art. 1:377c BW) only looks at the granted categories.
 */
export function visibleCategories(rights: GuardianRights): AuditCategory[] | null {
  if (rights.basis === "authority" || rights.basis === "consent") return null;
  const granted: AuditCategory[] = [...(rights.see.results ? (["results"] as const) : []), ...(rights.see.absences ? (["absences", "attendance"] as const) : [])];
  // A look at the whole pupil page ("record") shows what was granted too, so it is listed with any grant.
  return granted.length > 0 ? ["record", ...granted] : granted;
}

/** The same for a pupil with an account (16+), about themselves. */
export async function listOwnAccess(actor: Actor, page: PageRequest): Promise<PupilAccess> {
  const route = PRIVACY_ROUTES.pupil;
  const pupil = can(actor, "pupil:self") && actor.pupilId ? await findPupil(actor, actor.pupilId) : null;
  if (!pupil) return denyAccess(actor, "privacy:view", actor.pupilId, context(route));
  return pupilAccess(actor, pupil, page, route);
}

function findPupil(actor: Actor, pupilId: string) {
  return db.pupil.findFirst({ where: { id: pupilId, ...scopeFor(actor, "pupil") }, select: { id: true, firstName: true, lastName: true } });
}

async function pupilAccess(actor: Actor, pupil: PupilAccess["pupil"], page: PageRequest, route: AuditRoute, categories: AuditCategory[] | null = null): Promise<PupilAccess> {
  const where = pupilConditions(pupil.id, categories);
  const [result, total] = await Promise.all([readPage(where, page), countRows(where, EXPORT_CAP + 1)]);
  await writeAudit(actor, "privacy:view", "ALLOWED", pupil.id, undefined, context(route));
  return { ...result, total, pupil };
}

// The statements run here, after each caller built its conditions from the
// actor's scope; none is exported, so no page can run them with other conditions.

async function readPage(where: Prisma.Sql[], page: PageRequest, limit = PAGE_SIZE): Promise<AccessPage> {
  return pageOf(await db.$queryRaw<RawRow[]>(pageStatement(where, page, limit + 1)), page, limit);
}

async function countRows(where: Prisma.Sql[], upTo: number): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>(countStatement(where, upTo));
  return row.n;
}

async function* readAll(where: Prisma.Sql[], batch: number, cap: number): AsyncGenerator<AccessRow[]> {
  let cursor: Cursor | null = null;
  let left = cap;
  while (left > 0) {
    const raw: RawRow[] = await db.$queryRaw<RawRow[]>(batchStatement(where, cursor, Math.min(batch, left)));
    if (raw.length === 0) return;
    yield toRows(raw);
    left -= raw.length;
    if (raw.length < batch) return;
    const tail: RawRow = raw[raw.length - 1];
    cursor = { at: tail.at, id: tail.id };
  }
}
