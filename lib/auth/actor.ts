import "server-only";
import { sqlRows } from "@/lib/db/client";
import { dutchToday } from "@/lib/domain/calendar/dates";
import type { ActorFields, Membership } from "@/lib/auth/types";
import type { Locale, Role } from "@/lib/generated/prisma/enums";

// The only way to make an Actor: `mint`, set by the class's static block and
// not exported, so no other module can call the private constructor. The
// `#session` brand is what `isActor` checks at run time: an object literal
// cast to Actor (`as Actor` is a lint error, eslint.config.mjs), JSON or a
// spread copy does not carry it. docs/decisions/0018.
let mint: (fields: ActorFields) => Actor;

/** The signed-in user in their active role (ActorFields), made only by loadActor. */
export class Actor {
  readonly #session = true;
  declare readonly userId: ActorFields["userId"];
  declare readonly role: ActorFields["role"];
  declare readonly membershipId: ActorFields["membershipId"];
  declare readonly memberships: ActorFields["memberships"];
  declare readonly name: ActorFields["name"];
  declare readonly locale: ActorFields["locale"];
  declare readonly guardianId: ActorFields["guardianId"];
  declare readonly staffId: ActorFields["staffId"];
  declare readonly schoolId: ActorFields["schoolId"];
  declare readonly mentorOf: ActorFields["mentorOf"];
  declare readonly boardId: ActorFields["boardId"];
  declare readonly pupilId: ActorFields["pupilId"];
  declare readonly twoFactor: ActorFields["twoFactor"];
  declare readonly welcomed: ActorFields["welcomed"];

  private constructor(fields: ActorFields) {
    Object.assign(this, fields);
    Object.freeze(this);
  }

  static {
    mint = (fields) => new Actor(fields);
  }

  /** True only for an actor made by loadActor. */
  static isActor(value: unknown): value is Actor {
    return typeof value === "object" && value !== null && #session in value;
  }
}

/** Throws unless `actor` was made by loadActor (scope and permission checks call it). */
export function assertActor(actor: unknown): asserts actor is Actor {
  if (!Actor.isActor(actor)) throw new Error("not an actor from the session loader");
}

type MembershipRow = Membership & { boardId: string | null };
type Row = {
  id: string; name: string; locale: Locale; sessionVersion: number; disabled: boolean; totpEnabled: boolean; twoFactorRequired: boolean; welcomed: boolean;
  guardianId: string | null; pupilId: string | null; staffId: string | null; staffSchoolId: string | null; mentorOf: string[];
  memberships: MembershipRow[];
};

/** Roles in the order the role switch lists them; the first is the default after sign-in. */
export const ROLE_ORDER: readonly Role[] = ["ADMIN", "LEADER", "ATTENDANCE_OFFICER", "MENTOR", "PARENT", "PUPIL"];
const STAFF_ROLES: readonly Role[] = ["MENTOR", "LEADER", "ATTENDANCE_OFFICER"];

// A membership counts only with the profile its role needs: a staff role at the
// school of the user's staff profile, a parent role with a guardian profile, a
// pupil role with a pupil record, an administrator role with a board.
// The class groups a staff member mentors in the school year that contains $2.
const STATEMENT = `
SELECT u.id, u.name, u.locale, u."sessionVersion", u."disabledAt" IS NOT NULL AS disabled, u."totpEnabledAt" IS NOT NULL AS "totpEnabled",
  u."welcomedAt" IS NOT NULL AS welcomed,
  g.id AS "guardianId", pu.id AS "pupilId", st.id AS "staffId", st."schoolId" AS "staffSchoolId",
  ARRAY(SELECT m."classGroupId" FROM "Mentorship" m JOIN "ClassGroup" c ON c.id = m."classGroupId" JOIN "SchoolYear" y ON y.id = c."schoolYearId"
        WHERE m."staffId" = st.id AND y."startsOn" <= $2::date AND y."endsOn" >= $2::date ORDER BY m."classGroupId") AS "mentorOf",
  COALESCE((SELECT bool_or(b."requireStaffTwoFactor") FROM "RoleMembership" rm
              LEFT JOIN "School" s ON s.id = rm."schoolId" JOIN "Board" b ON b.id = COALESCE(rm."boardId", s."boardId")
             WHERE rm."userId" = u.id AND rm.role IN ('ADMIN', 'LEADER', 'ATTENDANCE_OFFICER', 'MENTOR')), false) AS "twoFactorRequired",
  COALESCE((SELECT json_agg(json_build_object('id', rm.id, 'role', rm.role, 'schoolId', rm."schoolId", 'schoolName', s.name, 'boardId', rm."boardId")
                            ORDER BY array_position(ARRAY['ADMIN','LEADER','ATTENDANCE_OFFICER','MENTOR','PARENT','PUPIL']::"Role"[], rm.role), s.name, rm.id)
              FROM "RoleMembership" rm LEFT JOIN "School" s ON s.id = rm."schoolId"
             WHERE rm."userId" = u.id
               AND CASE rm.role
                     WHEN 'PARENT' THEN g.id IS NOT NULL
                     WHEN 'PUPIL' THEN pu.id IS NOT NULL
                     WHEN 'ADMIN' THEN rm."boardId" IS NOT NULL
                     ELSE rm."schoolId" IS NOT NULL AND rm."schoolId" = st."schoolId" END), '[]') AS memberships
FROM "User" u
  LEFT JOIN "Guardian" g ON g."userId" = u.id
  LEFT JOIN "Pupil" pu ON pu."userId" = u.id
  LEFT JOIN "Staff" st ON st."userId" = u.id
WHERE u.id = $1`;

/**
 * Loads the actor for a session in one query. Null when the account is gone,
 * disabled, holds no role, or the session's version is older than the user's
 * (signed out, password changed or blocked since the token was issued).
 * `membershipId` is the role chosen in this session; when it is missing or no
 * longer held, the user acts in their first role (ROLE_ORDER).
 */
export async function loadActor(userId: string, sessionVersion: number, membershipId?: string | null): Promise<Actor | null> {
  // Hand-written: every portal request runs it (docs/decisions/0006-hand-written-sql-on-hot-paths.md).
  const [user] = await sqlRows<Row>(STATEMENT, [userId, dutchToday().toISOString().slice(0, 10)]);
  if (!user || user.disabled || user.sessionVersion !== sessionVersion || user.memberships.length === 0) return null;
  const active = user.memberships.find((m) => m.id === membershipId) ?? user.memberships[0];
  const role = active.role;
  const isStaff = STAFF_ROLES.includes(role);
  return mint({
    userId: user.id,
    role,
    membershipId: active.id,
    memberships: user.memberships.map(({ id, role, schoolId, schoolName }) => ({ id, role, schoolId, schoolName })),
    name: user.name,
    locale: user.locale,
    guardianId: role === "PARENT" ? user.guardianId : null,
    staffId: isStaff ? user.staffId : null,
    schoolId: isStaff ? active.schoolId : null,
    mentorOf: role === "MENTOR" ? user.mentorOf : [],
    boardId: role === "ADMIN" ? active.boardId : null,
    pupilId: role === "PUPIL" ? user.pupilId : null,
    twoFactor: { enabled: user.totpEnabled, required: user.twoFactorRequired },
    welcomed: user.welcomed,
  });
}
