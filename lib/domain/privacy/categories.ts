import type { AuditCategory } from "@/lib/auth/audit";
import type { Role } from "@/lib/generated/prisma/enums";

/** Every data category a row can carry, for the filter and the words (messages privacy.category.*). */
export const AUDIT_CATEGORIES = [
  "record", "profile", "guardians", "results", "absences", "contacts", "messages", "consent", "information", "personalData",
  "attendance", "indicators", "account", "school", "calendar", "staff", "import", "retention", "audit", "events",
  "questions", "announcements", "conferences", "surveys",
] as const satisfies readonly AuditCategory[];

// Fails to compile when AuditCategory gains a value this list lacks.
const complete: Exclude<AuditCategory, (typeof AUDIT_CATEGORIES)[number]> extends never ? true : false = true;
void complete;

export const AUDIT_ROLES = ["MENTOR", "LEADER", "ATTENDANCE_OFFICER", "ADMIN", "PARENT", "PUPIL"] as const satisfies readonly Role[];

/** The roles whose looks a guardian and a pupil are shown: the school's staff and the board's administrators. */
export const STAFF_ROLES = ["MENTOR", "LEADER", "ATTENDANCE_OFFICER", "ADMIN"] as const satisfies readonly Role[];

export const OUTCOMES = ["ALLOWED", "DENIED"] as const;

/** Where the privacy rows are written (AuditLog.route). */
export const PRIVACY_ROUTES = {
  leader: "/leader/privacy",
  export: "/api/leader/privacy",
  child: "/parent/children/[pupilId]/privacy",
  pupil: "/pupil/privacy",
} as const;

/** The message key of an audit action ("pupil:view" → "pupil_view"); unknown actions are shown as written. */
export function actionKey(action: string): string {
  return action.replace(/[^A-Za-z0-9]/g, "_");
}
