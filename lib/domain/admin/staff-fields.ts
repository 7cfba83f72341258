// The staff forms' choices. Free of zod and Prisma: the client forms import them.

/** The roles a staff member holds at a school (RoleMembership with the school). */
export const STAFF_ROLES = ["MENTOR", "ATTENDANCE_OFFICER", "LEADER"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_FIELDS = ["name", "email", "phone", "roles", "classIds", "confirmExisting"] as const;

export type StaffFormValues = { name: string; email: string; phone: string; roles: string[]; classIds: string[] };

/** How an account stands: may sign in (has a password), invited but no password yet, or blocked. */
export type AccountState = "active" | "noPassword" | "blocked";
