import "server-only";
import { z } from "zod";
import { sqlRows } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { denyAccess, type AuditContext } from "@/lib/auth/audit";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { dayOrNull, isoDay } from "@/lib/db/json-values";
import { dutchToday, schoolYearOf } from "@/lib/domain/calendar/dates";
import type { AlertChannel, Locale } from "@/lib/generated/prisma/enums";
import { FAMILIES_STATEMENT, SCHOOL_STATEMENT, TABLE_STATEMENT } from "@/lib/domain/reach/sql";
import { sortReachRows, type ReachQuery, type ReachRow } from "@/lib/domain/reach/filter";

export type ClassReachRow = ReachRow & { year: number; track: string; mentors: string | null; came: number; noShow: number; followedUp: number };
export type MentorReachRow = ReachRow & { classes: string | null };
type TableRaw = ReachRow & { kind: "class" | "mentor"; year: number | null; track: string | null; detail: string | null; came: number; noShow: number; followedUp: number; weeks: number };

export type Breakdown = { key: string; families: number }[];
export type SchoolReach = {
  thresholdWeeks: number;
  families: { families: number; reached: number; never: number; onlyProblems: number };
  moments: { moments: number; positive: number };
  missed: { languages: Breakdown; channels: Breakdown; portal: { used: number; unused: number; none: number } };
  trend: { month: string; families: number; moments: number; positive: number }[];
  alerts: { week: string; sent: number; delivered: number; failed: number; medianSeconds: number | null }[];
  alertMedianSeconds: number | null;
  /** Null: the school held no conference round this school year ("not in use"). */
  conferences: { came: number; noShow: number; followedUp: number } | null;
};
type SchoolRaw = Omit<SchoolReach, "missed" | "conferences"> & {
  languages: Breakdown; channels: Breakdown; portal: SchoolReach["missed"]["portal"];
  conferencesInUse: boolean; conferences: { came: number; noShow: number; followedUp: number };
};

/** The leader's own school, and the school year and Dutch day at `now`. */
function leaderScope(actor: Actor, now: Date) {
  assertCan(actor, "leader:view");
  if (!actor.schoolId) throw new AppError("forbidden");
  const today = dutchToday(now);
  const year = schoolYearOf(today);
  return { schoolId: actor.schoolId, params: [actor.schoolId, year.name, isoDay(year.startsOn), isoDay(today)], year, today };
}

const numberOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** School-level figures (one statement). */
export async function schoolReach(actor: Actor, now: Date = new Date()): Promise<SchoolReach> {
  const { params } = leaderScope(actor, now);
  const [row] = await sqlRows<SchoolRaw>(SCHOOL_STATEMENT, params);
  return {
    thresholdWeeks: row.thresholdWeeks,
    families: row.families,
    moments: row.moments,
    missed: { languages: row.languages, channels: row.channels, portal: row.portal },
    trend: row.trend ?? [],
    alerts: row.alerts.map((a) => ({ ...a, medianSeconds: numberOrNull(a.medianSeconds) })),
    alertMedianSeconds: numberOrNull(row.alertMedianSeconds),
    conferences: row.conferencesInUse ? row.conferences : null,
  };
}

/** Per class and per mentor of this school year, filtered and sorted (one statement). */
export async function reachTables(actor: Actor, query: ReachQuery, now: Date = new Date(), classId: string | null = null) {
  const { params } = leaderScope(actor, now);
  const rows = await sqlRows<TableRaw>(TABLE_STATEMENT, [...params, query.year ?? null, query.track ?? null, classId]);
  const classes: ClassReachRow[] = rows.filter((r) => r.kind === "class").map((r) => ({
    id: r.id, name: r.name, year: r.year!, track: r.track!, mentors: r.detail, families: r.families, reached: r.reached, never: r.never,
    onlyProblems: r.onlyProblems, moments: r.moments, positive: r.positive, came: r.came, noShow: r.noShow, followedUp: r.followedUp,
  }));
  const mentors: MentorReachRow[] = rows.filter((r) => r.kind === "mentor").map((r) => ({
    id: r.id, name: r.name, classes: r.detail, families: r.families, reached: r.reached, never: r.never,
    onlyProblems: r.onlyProblems, moments: r.moments, positive: r.positive,
  }));
  return { classes: sortReachRows(classes, query.sort, query.dir), mentors: sortReachRows(mentors, query.sort, query.dir), thresholdWeeks: rows[0]?.weeks ?? null };
}

/** The years and tracks of this school year's classes, for the filter (one small query). */
export async function reachFilterOptions(actor: Actor, now: Date = new Date()) {
  const { schoolId, year } = leaderScope(actor, now);
  const rows = await sqlRows<{ year: number; track: string }>(
    `SELECT DISTINCT c.year, c.track FROM "ClassGroup" c JOIN "SchoolYear" y ON y.id = c."schoolYearId" WHERE c."schoolId" = $1 AND y.name = $2`,
    [schoolId, year.name],
  );
  return {
    years: [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b),
    tracks: [...new Set(rows.map((r) => r.track))].sort(),
  };
}

export type MissedFamily = {
  family: string;
  last: Date | null;
  pupils: { id: string; firstName: string; lastName: string }[];
  guardians: { name: string; locale: Locale; channel: AlertChannel; portal: "used" | "unused" | "none" }[];
};

const ClassId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const CLASS_ROUTE = "/leader/reach/classes/[classId]" as const;

/**
 * One class of the leader's school this school year: its figures and the
 * families not reached within the threshold, by name. Each family shown
 * writes one audit row (in the same statement as the list). A class of another
 * school, of another year, or a malformed id: 404 and a DENIED audit row.
 */
export async function reachClass(actor: Actor, classId: string, now: Date = new Date()) {
  const context: AuditContext = { category: "contacts", route: CLASS_ROUTE };
  if (!actor.schoolId || actor.role !== "LEADER") return denyAccess(actor, "reach:view", ClassId.safeParse(classId).success ? classId : null, context);
  const { params } = leaderScope(actor, now);
  if (!ClassId.safeParse(classId).success) return denyAccess(actor, "reach:view", null, context);
  const [tables, families] = await Promise.all([
    reachTables(actor, { sort: "name", dir: "asc" }, now, classId),
    sqlRows<{ family: string; last: string | null; pupils: MissedFamily["pupils"]; guardians: MissedFamily["guardians"] }>(FAMILIES_STATEMENT, [
      ...params, classId, actor.userId, "reach:view", actor.role, context.category, context.route,
    ]),
  ]);
  const row = tables.classes[0];
  if (!row) return denyAccess(actor, "reach:view", classId, context);
  const list: MissedFamily[] = families
    .map((f) => ({ family: f.family, last: dayOrNull(f.last), pupils: f.pupils, guardians: f.guardians }))
    .sort((a, b) => (a.last?.getTime() ?? -Infinity) - (b.last?.getTime() ?? -Infinity)
      || (a.pupils[0]?.lastName ?? "").localeCompare(b.pupils[0]?.lastName ?? "", "nl") || a.family.localeCompare(b.family));
  return { class: row, families: list, thresholdWeeks: tables.thresholdWeeks ?? 0 };
}

