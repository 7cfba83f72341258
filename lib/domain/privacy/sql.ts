import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { encodeCursor, type Cursor, type PageDirection } from "@/lib/domain/privacy/cursor";
import type { AccessFilter } from "@/lib/domain/privacy/filter";
import { STAFF_ROLES } from "@/lib/domain/privacy/categories";

// The statements behind the privacy views. Built from fixed fragments with
// every value a parameter, so each request gets a plan for its own filters
// (a prepared generic plan would ignore which filters are in use). Rows are
// read newest first on (at, id): "AuditLog_schoolId_at_idx" for a school,
// "AuditLog_pupilId_at_idx" for one pupil.

export const PAGE_SIZE = 50;

export type AccessRow = {
  id: string;
  at: Date;
  action: string;
  outcome: "ALLOWED" | "DENIED";
  role: Role | null;
  category: string | null;
  route: string | null;
  actorName: string | null;
  pupil: { id: string; name: string; studentNumber: string; className: string | null } | null;
  /** What was asked for when it names no pupil (an id that does not exist, or a page). */
  askedId: string | null;
};

export type RawRow = {
  id: string; at: Date; action: string; outcome: "ALLOWED" | "DENIED"; role: Role | null; category: string | null; route: string | null;
  targetId: string | null; actorName: string | null; pupilId: string | null; firstName: string | null; lastName: string | null;
  studentNumber: string | null; className: string | null;
};

const SELECT = Prisma.sql`SELECT a.id, a.at, a.action, a.outcome::text AS outcome, a.role::text AS role, a.category, a.route, a."targetId",
    u.name AS "actorName", p.id AS "pupilId", p."firstName", p."lastName", p."studentNumber", c.name AS "className"
  FROM "AuditLog" a
  LEFT JOIN "User" u ON u.id = a."actorUserId"
  LEFT JOIN "Pupil" p ON p.id = a."pupilId"
  LEFT JOIN "ClassGroup" c ON c.id = p."classGroupId"`;

// Names are matched as the school search does: case- and accent-blind, any part.
const contains = (column: Prisma.Sql, needle: string) => Prisma.sql`strpos(lower(sk_unaccent(${column})), lower(sk_unaccent(${needle}::text))) > 0`;
// `at` is a timestamp without time zone holding UTC; an ISO instant cast to it keeps the UTC wall time.
const instant = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp(3)`;

/**
 * The rows of one school the privacy view shows: every row about a pupil's
 * data, every refusal (also of ids that name nothing), and every look at the
 * log itself — not the staff's own account events (sign-ins, role switches).
 */
export function schoolConditions(schoolId: string, filter: AccessFilter): Prisma.Sql[] {
  const where = [
    Prisma.sql`a."schoolId" = ${schoolId}`,
    Prisma.sql`(a."pupilId" IS NOT NULL OR a.outcome = 'DENIED' OR a.category = 'audit')`,
  ];
  if (filter.from) where.push(Prisma.sql`a.at >= ${instant(filter.from)}`);
  if (filter.until) where.push(Prisma.sql`a.at < ${instant(filter.until)}`);
  if (filter.pupil) {
    where.push(Prisma.sql`a."pupilId" IN (SELECT fp.id FROM "Pupil" fp WHERE fp."schoolId" = ${schoolId}
      AND (fp."studentNumber" = ${filter.pupil} OR ${contains(Prisma.sql`fp."firstName" || ' ' || fp."lastName"`, filter.pupil)}))`);
  }
  if (filter.person) where.push(Prisma.sql`a."actorUserId" IN (SELECT fu.id FROM "User" fu WHERE ${contains(Prisma.sql`fu.name`, filter.person)})`);
  if (filter.role) where.push(Prisma.sql`a.role = ${filter.role}::"Role"`);
  if (filter.outcome) where.push(Prisma.sql`a.outcome = ${filter.outcome}::"AuditOutcome"`);
  if (filter.category) where.push(Prisma.sql`a.category = ${filter.category}`);
  return where;
}

/**
 * What a guardian or the pupil is shown about one pupil: the looks and
 * refusals of staff and administrators; only rows of `categories` when given
 * (a guardian who was granted part of the information).
 */
export function pupilConditions(pupilId: string, categories: readonly string[] | null = null): Prisma.Sql[] {
  const where = [Prisma.sql`a."pupilId" = ${pupilId}`, Prisma.sql`a.role = ANY(${[...STAFF_ROLES]}::"Role"[])`];
  if (categories) where.push(Prisma.sql`a.category = ANY(${[...categories]}::text[])`);
  return where;
}

export type PageRequest = { cursor: Cursor | null; direction: PageDirection };
export type AccessPage = { rows: AccessRow[]; older: string | null; newer: string | null };

/** The statement of one page (`limit` rows; ask one more to learn whether there is a next page). */
export function pageStatement(where: Prisma.Sql[], { cursor, direction }: PageRequest, limit: number): Prisma.Sql {
  const newer = cursor !== null && direction === "newer";
  const conditions = cursor
    ? [...where, newer ? Prisma.sql`(a.at, a.id) > (${instant(cursor.at)}, ${cursor.id})` : Prisma.sql`(a.at, a.id) < (${instant(cursor.at)}, ${cursor.id})`]
    : where;
  const order = newer ? Prisma.sql`ORDER BY a.at ASC, a.id ASC` : Prisma.sql`ORDER BY a.at DESC, a.id DESC`;
  return Prisma.sql`${SELECT} WHERE ${Prisma.join(conditions, " AND ")} ${order} LIMIT ${limit}`;
}

/** One page from the rows pageStatement read (at most `limit` + 1); `older`/`newer` are the cursors of the pages either side (null: none). */
export function pageOf(raw: RawRow[], { cursor, direction }: PageRequest, limit: number): AccessPage {
  const newer = cursor !== null && direction === "newer";
  const more = raw.length > limit;
  const rows = raw.slice(0, limit).map(toRow);
  if (newer) rows.reverse();
  const first = rows.at(0);
  const last = rows.at(-1);
  // Coming back from an older page there is always an older one; going back from a newer one, always a newer one.
  const hasOlder = newer || more;
  const hasNewer = newer ? more : cursor !== null;
  return {
    rows,
    older: hasOlder && last ? encodeCursor(last) : null,
    newer: hasNewer && first ? encodeCursor(first) : null,
  };
}

/**
 * How many rows match, counting no further than `upTo` (a year of a large
 * school is millions of rows; past the export cap the exact number changes
 * nothing the leader can do).
 */
export function countStatement(where: Prisma.Sql[], upTo: number): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM "AuditLog" a WHERE ${Prisma.join(where, " AND ")} LIMIT ${upTo}) matching`;
}

/** One batch of an export, newest first after `cursor` (keyset, so each batch is one indexed statement). */
export function batchStatement(where: Prisma.Sql[], cursor: Cursor | null, size: number): Prisma.Sql {
  const conditions: Prisma.Sql[] = cursor ? [...where, Prisma.sql`(a.at, a.id) < (${instant(cursor.at)}, ${cursor.id})`] : where;
  return Prisma.sql`${SELECT} WHERE ${Prisma.join(conditions, " AND ")} ORDER BY a.at DESC, a.id DESC LIMIT ${size}`;
}

export function toRows(raw: RawRow[]): AccessRow[] {
  return raw.map(toRow);
}

function toRow(r: RawRow): AccessRow {
  return {
    id: r.id, at: r.at, action: r.action, outcome: r.outcome, role: r.role, category: r.category, route: r.route, actorName: r.actorName,
    pupil: r.pupilId ? { id: r.pupilId, name: `${r.firstName} ${r.lastName}`, studentNumber: r.studentNumber ?? "", className: r.className } : null,
    askedId: r.pupilId ? null : r.targetId,
  };
}
