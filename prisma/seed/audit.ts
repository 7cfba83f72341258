import type { PrismaClient } from "../../lib/generated/prisma/client";

// A few days of "who looked" for the demo (decision 0024): the privacy view of
// leider@demo.test and the child page of ouder@demo.test show something from
// the start. The child is ouder@'s child in mentor@'s class; every row lies in
// the past, so rows written while the demo is used come after them.
const LOOKS: { email: string; role: string; action: string; outcome: "ALLOWED" | "DENIED"; category: string | null; route: string; hoursAgo: number; unknownTarget?: boolean }[] = [
  { email: "mentor@demo.test", role: "MENTOR", action: "pupil:view", outcome: "ALLOWED", category: "results", route: "/mentor/pupils/[pupilId]", hoursAgo: 52 },
  { email: "mentor@demo.test", role: "MENTOR", action: "contact:create", outcome: "ALLOWED", category: "contacts", route: "/mentor/pupils/[pupilId]", hoursAgo: 51.5 },
  { email: "verzuim@demo.test", role: "ATTENDANCE_OFFICER", action: "absence:record", outcome: "ALLOWED", category: "absences", route: "/attendance/pupils/[pupilId]", hoursAgo: 29 },
  { email: "mentor2@demo.test", role: "MENTOR", action: "pupil:view", outcome: "DENIED", category: "profile", route: "/mentor/pupils/[pupilId]", hoursAgo: 26 },
  { email: "mentor2@demo.test", role: "MENTOR", action: "pupil:view", outcome: "DENIED", category: "profile", route: "/mentor/pupils/[pupilId]", hoursAgo: 25.9, unknownTarget: true },
  { email: "ouder2@demo.test", role: "PARENT", action: "pupil:view", outcome: "ALLOWED", category: "results", route: "/parent/children/[pupilId]", hoursAgo: 20 },
  { email: "leider@demo.test", role: "LEADER", action: "information:view", outcome: "ALLOWED", category: "information", route: "/leader/information-requests", hoursAgo: 6 },
  { email: "beheer@demo.test", role: "ADMIN", action: "guardians:view", outcome: "ALLOWED", category: "profile", route: "/admin/schools/[schoolId]/invitations", hoursAgo: 3 },
];

export async function writeDemoAuditRows(db: PrismaClient, now: Date): Promise<void> {
  for (const [i, look] of LOOKS.entries()) {
    const at = new Date(now.getTime() - look.hoursAgo * 3_600_000);
    await db.$executeRaw`
      INSERT INTO "AuditLog" (id, at, "actorUserId", action, outcome, "pupilId", "targetId", role, category, route, "schoolId")
      SELECT ${`demo-look-${i}`}, ${at.toISOString()}::timestamp(3), u.id, ${look.action}, ${look.outcome}::"AuditOutcome",
             CASE WHEN ${look.unknownTarget ?? false} THEN NULL ELSE p.id END,
             CASE WHEN ${look.unknownTarget ?? false} THEN 'c0ffee00demo0unknown0id' ELSE p.id END,
             ${look.role}::"Role", ${look.category}, ${look.route}, p."schoolId"
      FROM "User" u,
           (SELECT p.id, p."schoolId" FROM "Pupil" p
              JOIN "GuardianLink" l ON l."pupilId" = p.id JOIN "Guardian" g ON g.id = l."guardianId" JOIN "User" gu ON gu.id = g."userId"
              JOIN "Mentorship" m ON m."classGroupId" = p."classGroupId" JOIN "Staff" s ON s.id = m."staffId" JOIN "User" mu ON mu.id = s."userId"
             WHERE gu.email = 'ouder@demo.test' AND mu.email = 'mentor@demo.test' LIMIT 1) p
      WHERE u.email = ${look.email}`;
  }
}
