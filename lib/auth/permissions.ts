import type { Role } from "@/lib/generated/prisma/enums";
import { assertActor, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

/** What each role may do; scoping (which rows) is decided by scope.ts. */
const PERMISSIONS = {
  "parent:view": ["PARENT"],
  "mentor:view": ["MENTOR"],
  "leader:view": ["LEADER"],
  "admin:view": ["ADMIN"],
  "pupil:self": ["PUPIL"],
  // Every role: language, password, two-step sign-in, the role switch.
  "profile:update": ["PARENT", "MENTOR", "LEADER", "ADMIN", "PUPIL", "ATTENDANCE_OFFICER"],
  // Board administration (the scope is the administrator's board).
  "schools:manage": ["ADMIN"],
  // The board's own settings (two-step sign-in for staff).
  "board:manage": ["ADMIN"],
  "staff:manage": ["ADMIN"],
  "imports:manage": ["ADMIN"],
  // Inviting guardians: the administrator for the board's schools, a mentor for their own classes.
  "invitations:send": ["ADMIN", "MENTOR"],
  // The right of access (AVG art. 15): a guardian or a pupil (16+) downloads what the school holds about them.
  "data:access": ["PARENT", "PUPIL"],
  "contact:create": ["MENTOR"],
  "contact:correct": ["MENTOR"],
  "staff:contactHours": ["MENTOR"],
  "indicators:edit": ["LEADER"],
  "benchmarks:edit": ["ADMIN"],
  // Registering absence: mentors for their own classes, the attendance officer
  // for the whole school (the scope decides which pupils).
  "absence:record": ["MENTOR", "ATTENDANCE_OFFICER"],
  // The 16-hour list and message delivery: attendance officer and school leader.
  "attendance:view": ["ATTENDANCE_OFFICER", "LEADER"],
  "threshold:update": ["ATTENDANCE_OFFICER"],
  "sickReport:create": ["PARENT"],
  "alerts:settings": ["PARENT"],
  // Art. 1:377c BW: a guardian without parental authority asks for information;
  // the mentor (own classes) or school leader (own school) decides.
  "information:request": ["PARENT"],
  "information:decide": ["MENTOR", "LEADER"],
  // Ask the mentor (issue 16): a guardian with the right "mentor" asks; the mentors of the class answer.
  "question:ask": ["PARENT"],
  "question:answer": ["MENTOR"],
  // Class announcements: a mentor to their own classes, the school leader to the school or chosen classes.
  "announcement:send": ["MENTOR", "LEADER"],
  // School events (issue 16): the leader plans, and a staff member the leader
  // allows (EventPlanner; the command checks it); guardians reply and download.
  "events:plan": ["LEADER", "MENTOR"],
  "events:allowPlanners": ["LEADER"],
  "events:read": ["PARENT"],
  // Conference rounds (issue 16): the school leader opens and edits rounds and sees the
  // arrangements list; hosts (a mentor of a class in the round, or a teacher the leader
  // added, signed in as mentor) publish availability, see their schedule and mark attendance.
  "conferences:manage": ["LEADER"],
  "conferences:host": ["MENTOR"],
  // Conference booking (issue 16): a guardian books, moves, cancels or joins; the rule decides for which child.
  "conference:book": ["PARENT"],
  // The school's own rules for moving up a year, shown on the parents' school-system page (issue 18).
  "promotionRules:edit": ["LEADER"],
  // The school–parent agreement and the parent-involvement policy (issue 19): the leader writes and
  // publishes; a guardian answers the newest agreement of a school where they may see a child.
  "agreement:edit": ["LEADER"],
  "agreement:acknowledge": ["PARENT"],
  // Needs and satisfaction surveys (issue 19): the leader builds, sends and reads; a guardian answers.
  "surveys:manage": ["LEADER"],
  "survey:answer": ["PARENT"],
  // The involvement self-assessment and its public summary (issue 19 part 4): the school leader, for their own school.
  "selfAssessment:manage": ["LEADER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor, permission: Permission): boolean {
  // A forged actor (an object cast to Actor) fails here, before any permission is granted.
  assertActor(actor);
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

/**
 * A staff account whose board requires two-step sign-in and that has not set
 * it up yet may do nothing but that (and its own profile): pages send it to
 * the set-up page (guard.ts), commands refuse.
 */
export function needsTwoStepSetUp(actor: Actor): boolean {
  return actor.twoFactor.required && !actor.twoFactor.enabled;
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError("forbidden");
  if (permission !== "profile:update" && needsTwoStepSetUp(actor)) throw new AppError("twoFactorRequired");
}

/** Where each role lands after signing in. */
export const HOME_ROUTE: Record<Role, string> = {
  PARENT: "/parent",
  MENTOR: "/mentor",
  LEADER: "/leader",
  ADMIN: "/admin",
  PUPIL: "/pupil",
  ATTENDANCE_OFFICER: "/attendance",
};
