import "server-only";
import { sqlRows } from "@/lib/db/client";
import { dutchToday } from "@/lib/domain/calendar/dates";
import type { Actor } from "@/lib/auth/types";
import type { Locale, Role } from "@/lib/generated/prisma/enums";

type Row = {
  id: string; role: Role; name: string; locale: Locale; sessionVersion: number; disabled: boolean; boardId: string | null;
  guardianId: string | null; pupilId: string | null; staffId: string | null; schoolId: string | null; mentorOf: string[];
};

// The class groups a staff member mentors in the school year that contains $2.
const STATEMENT = `
SELECT u.id, u.role, u.name, u.locale, u."sessionVersion", u."disabledAt" IS NOT NULL AS disabled, u."boardId",
  g.id AS "guardianId", pu.id AS "pupilId", st.id AS "staffId", st."schoolId",
  ARRAY(SELECT m."classGroupId" FROM "Mentorship" m JOIN "ClassGroup" c ON c.id = m."classGroupId" JOIN "SchoolYear" y ON y.id = c."schoolYearId"
        WHERE m."staffId" = st.id AND y."startsOn" <= $2::date AND y."endsOn" >= $2::date ORDER BY m."classGroupId") AS "mentorOf"
FROM "User" u
  LEFT JOIN "Guardian" g ON g."userId" = u.id
  LEFT JOIN "Pupil" pu ON pu."userId" = u.id
  LEFT JOIN "Staff" st ON st."userId" = u.id
WHERE u.id = $1`;

/**
 * Loads the actor for a session in one query. Null when the account is gone,
 * disabled, or the session's version is older than the user's (signed out,
 * password changed or blocked since the token was issued).
 */
export async function loadActor(userId: string, sessionVersion: number): Promise<Actor | null> {
  // Hand-written: every portal request runs it (docs/decisions/0006-hand-written-sql-on-hot-paths.md).
  const [user] = await sqlRows<Row>(STATEMENT, [userId, dutchToday().toISOString().slice(0, 10)]);
  if (!user || user.disabled || user.sessionVersion !== sessionVersion) return null;
  return {
    userId: user.id,
    role: user.role,
    name: user.name,
    locale: user.locale,
    guardianId: user.guardianId,
    staffId: user.staffId,
    schoolId: user.schoolId,
    mentorOf: user.mentorOf,
    boardId: user.boardId,
    pupilId: user.pupilId,
  };
}
