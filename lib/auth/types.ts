import type { Locale, Role } from "@/lib/generated/prisma/enums";

/** One role the user holds, for the role switch in the header. */
export type Membership = {
  id: string;
  role: Role;
  /** The school of a staff role; null for parent, pupil and administrator. */
  schoolId: string | null;
  schoolName: string | null;
};

/**
 * What an actor knows: the signed-in user in their active role, loaded fresh
 * from the database on every request. Only the active role's scope is filled
 * in: a teacher who is also a parent has no guardianId while acting as mentor,
 * and no mentorOf while acting as parent, so no query can mix the two.
 */
export type ActorFields = {
  userId: string;
  /** The active role. */
  role: Role;
  /** The active membership (RoleMembership.id). */
  membershipId: string;
  /** Every role the user holds, the active one included. */
  memberships: Membership[];
  name: string;
  locale: Locale;
  /** Guardian profile id, while acting as parent. */
  guardianId: string | null;
  /** Staff id and school, while acting in a staff role (mentor, attendance officer, leader). */
  staffId: string | null;
  schoolId: string | null;
  /** Class groups this staff member is mentor of in the current school year, while acting as mentor. */
  mentorOf: string[];
  /** Board, while acting as board administrator. */
  boardId: string | null;
  /** Pupil record of a pupil with an account (18+), while acting as pupil. */
  pupilId: string | null;
  /** Two-step sign-in: whether the user has it, and whether the board requires it of this role. */
  twoFactor: { enabled: boolean; required: boolean };
  /** The first-sign-in welcome was read ("got it"); until then a guardian's overview shows it. */
  welcomed: boolean;
};

/**
 * The signed-in user (ActorFields), as only the session loader can make it:
 * a class with a private constructor and a private brand, defined in
 * lib/auth/actor.ts (docs/decisions/0018). Type-only here, so client code can
 * name it without loading the server module.
 */
export type { Actor } from "@/lib/auth/actor";
