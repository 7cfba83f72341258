import { db } from "@/lib/db/client";
import type { SchoolInput } from "@/lib/domain/admin/school-schemas";
import { actorOf, createSchool, createUser } from "@/tests/factories";

/** A board with one school (current school year, two terms) and its administrator; plus another board's school. */
export async function createBoardWorld() {
  const mine = await createSchool();
  const theirs = await createSchool();
  const adminUser = await createUser("ADMIN", { boardId: mine.board.id });
  return { ...mine, theirs, adminUser, admin: await actorOf(adminUser.id) };
}

/** Valid school form input; every field overridable. */
export function schoolInput(overrides: Partial<SchoolInput> = {}): SchoolInput {
  const brin = `${String(Math.floor(Math.random() * 90) + 10)}${String.fromCharCode(65 + Math.floor(Math.random() * 26))}${String.fromCharCode(65 + Math.floor(Math.random() * 26))}`;
  return {
    name: `Nieuw College ${brin}`, brin, locationCode: "00", kind: "HAVO_VWO", levels: ["HAVO", "VWO"], denomination: "OPENBAAR",
    street: "Schoolstraat 1", postalCode: "3511 AB", city: "Utrecht", phone: "030 123 4567", email: "info@nieuw.example", websiteUrl: "https://nieuw.example",
    gradeReleaseMode: "IMMEDIATE", gradeReleaseTime: "17:00", sickReportDeadline: "08:30", sickReportMaxDaysAhead: 60, contactThresholdWeeks: 6,
    quietHoursStart: "21:00", quietHoursEnd: "07:30", ...overrides,
  };
}

/** Denied audit rows of an actor, oldest first, as [action, targetId]. */
export async function deniedAudits(userId: string) {
  const rows = await db.auditLog.findMany({ where: { actorUserId: userId, outcome: "DENIED" }, orderBy: { at: "asc" }, select: { action: true, targetId: true } });
  return rows.map((r) => [r.action, r.targetId]);
}

export async function lastAudit(userId: string, action: string) {
  return db.auditLog.findFirst({ where: { actorUserId: userId, action }, orderBy: { at: "desc" } });
}
