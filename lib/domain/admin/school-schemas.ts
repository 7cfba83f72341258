import { z } from "zod";
import { formText } from "@/lib/forms/form-data";
import { formatPhone } from "@/lib/domain/admin/phone";
import { normalisePostalCode } from "@/lib/domain/admin/postal-code";
import {
  DENOMINATIONS, GRADE_RELEASE_MODES, MAX_DAYS_AHEAD, MAX_THRESHOLD_WEEKS, SCHOOL_FIELDS, SCHOOL_KINDS, SCHOOL_LEVELS, type SchoolFormValues,
} from "@/lib/domain/admin/school-fields";

// Error messages are catalogue keys (namespace "schoolErrors"), translated where shown.

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** "HH:MM"; "8:30" and "08.30" are read as "08:30". */
const time = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .transform((v) => v.replace(".", ":").replace(/^(\d):/, "0$1:"))
    .refine((v) => TIME.test(v), message);

const required = (min: number, max: number, missing: string, tooLong: string) =>
  z.string({ error: missing }).trim().min(min, missing).max(max, tooLong);

/** Empty → null; otherwise checked and normalised by `normalise` (null = invalid). */
const optional = (max: number, message: string, normalise: (v: string) => string | null = (v) => v) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const normalised = normalise(v);
      if (normalised === null) ctx.addIssue({ code: "custom", message });
      return normalised;
    });

/** The school's website: https only; "www.school.nl" is read as "https://www.school.nl". */
export function normaliseWebsite(raw: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== "https:" || !url.hostname.includes(".") || url.username || url.password) return null;
    const text = url.toString();
    // "https://school.nl/" is stored as people write it: without the lone slash.
    return url.pathname === "/" && !url.search && !url.hash ? text.slice(0, -1) : text;
  } catch {
    return null;
  }
}

const int = (min: number, max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,4}$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);

export const SchoolInput = z.object({
  name: required(2, 120, "schoolErrors.nameRequired", "schoolErrors.nameTooLong"),
  brin: z.string({ error: "schoolErrors.brin" }).trim().toUpperCase().regex(/^\d{2}[A-Z]{2}$/, "schoolErrors.brin"),
  locationCode: z.string({ error: "schoolErrors.locationCode" }).trim().regex(/^\d{2}$/, "schoolErrors.locationCode"),
  kind: z.enum(SCHOOL_KINDS, { error: "schoolErrors.kind" }),
  levels: z
    .array(z.enum(SCHOOL_LEVELS, { error: "schoolErrors.levels" }), { error: "schoolErrors.levels" })
    .min(1, "schoolErrors.levels")
    .transform((levels) => SCHOOL_LEVELS.filter((l) => levels.includes(l))),
  denomination: z.enum(DENOMINATIONS, { error: "schoolErrors.denomination" }),
  street: optional(120, "schoolErrors.street"),
  postalCode: optional(10, "schoolErrors.postalCode", normalisePostalCode),
  city: required(2, 80, "schoolErrors.city", "schoolErrors.city"),
  phone: optional(30, "schoolErrors.phone", formatPhone),
  email: optional(254, "schoolErrors.email", (v) => (z.email().safeParse(v).success ? v.toLowerCase() : null)),
  websiteUrl: optional(200, "schoolErrors.website", normaliseWebsite),
  gradeReleaseMode: z.enum(GRADE_RELEASE_MODES, { error: "schoolErrors.gradeReleaseMode" }),
  gradeReleaseTime: time("schoolErrors.time"),
  sickReportDeadline: time("schoolErrors.time"),
  sickReportMaxDaysAhead: int(0, MAX_DAYS_AHEAD, "schoolErrors.daysAhead"),
  contactThresholdWeeks: int(1, MAX_THRESHOLD_WEEKS, "schoolErrors.thresholdWeeks"),
  quietHoursStart: time("schoolErrors.time"),
  quietHoursEnd: time("schoolErrors.time"),
});
export type SchoolInput = z.infer<typeof SchoolInput>;

/** Reads the school form exactly as typed (for the schema, and to show it again after a rejected submit). */
export function schoolFormValues(formData: FormData): SchoolFormValues {
  const values = Object.fromEntries(SCHOOL_FIELDS.filter((f) => f !== "levels").map((f) => [f, formText(formData, f) ?? ""]));
  return { ...values, levels: formData.getAll("levels").filter((v): v is string => typeof v === "string") } as SchoolFormValues;
}
