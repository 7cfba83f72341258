"use server";

import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors";
import { ChangeSickReportInput, ReportBetterInput, SickReportInput, changeSickReportFormValues, sickReportFormValues } from "@/lib/domain/sick-reports/schemas";
import { SickReportValidationError, changeSickReport, reportBetter, reportSick } from "@/lib/domain/sick-reports/commands";
import { isoDay } from "@/lib/domain/sick-reports/rules";
import { nextAttempt, submittedForm } from "@/lib/forms/form-data";
import { NOT_SAVED, notSavedError } from "@/lib/forms/unavailable";
import { actorOrNotSaved } from "@/lib/forms/form-actor";

export type SickReportFormValues = { mode: string; reason: string; from: string; to: string; note: string };

export type SickReportFormState = {
  /** Catalogue keys per field ("_form" for the whole form). */
  errors?: Record<string, string>;
  /** What was submitted, so a form with errors shows it again (React resets forms after an action). */
  values?: SickReportFormValues;
  attempt?: number;
  /** The period that was reported (`YYYY-MM-DD`; `to` null = until reported better). */
  saved?: { from: string; to: string | null; reason: string };
};

export type ReportBetterState = { errors?: Record<string, string>; done?: boolean };

export type ChangeSickReportState = {
  /** Catalogue keys per field ("_form" for the whole form), about the report `reportId`. */
  errors?: Record<string, string>;
  reportId?: string;
  /** What was submitted, so a rejected form shows it again. */
  values?: { from: string; to: string };
  attempt?: number;
  done?: "withdrawn" | "shortened";
};

function echo(formData: FormData, previous: SickReportFormState): Pick<SickReportFormState, "values" | "attempt"> {
  const v = sickReportFormValues(formData);
  return {
    attempt: nextAttempt(previous),
    values: { mode: v.mode ?? "", reason: v.reason ?? "", from: v.from ?? "", to: v.to ?? "", note: v.note ?? "" },
  };
}

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= issue.message.startsWith("sickReportErrors.") ? issue.message : "sickReportErrors.invalid";
  }
  return errors;
}

function errorState(error: unknown): { errors: Record<string, string> } {
  if (error instanceof SickReportValidationError) return { errors: error.fieldErrors };
  if (error instanceof AppError) return { errors: { _form: `errors.${error.code}` } };
  // The database is away: "not saved", the typed values stay (the callers echo them), answered 503.
  const notSaved = notSavedError(error);
  if (notSaved) return { errors: { _form: notSaved } };
  throw error;
}

function revalidate(pupilId: string) {
  revalidatePath(`/parent/children/${encodeURIComponent(pupilId)}`);
  revalidatePath("/parent");
  revalidatePath("/mentor", "layout");
}

export async function reportSickAction(previous: SickReportFormState, form: FormData): Promise<SickReportFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const parsed = SickReportInput.safeParse(sickReportFormValues(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), ...echo(formData, previous) };
  try {
    // Inside the try: reading the session may be the first query to find the database away.
    const actor = await actorOrNotSaved();
    if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, ...echo(formData, previous) };
    const report = await reportSick(actor, parsed.data, { now: new Date() });
    revalidate(parsed.data.pupilId);
    return {
      attempt: nextAttempt(previous),
      saved: { from: isoDay(report.startsOn), to: report.endsOn ? isoDay(report.endsOn) : null, reason: report.reason },
    };
  } catch (error) {
    return { ...errorState(error), ...echo(formData, previous) };
  }
}

export async function reportBetterAction(_: ReportBetterState, form: FormData): Promise<ReportBetterState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" } };
  const parsed = ReportBetterInput.safeParse({ reportId: formData.get("reportId"), pupilId: formData.get("pupilId") });
  if (!parsed.success) return { errors: { _form: "sickReportErrors.invalid" } };
  try {
    await reportBetter(actor, parsed.data.reportId, { now: new Date() });
  } catch (error) {
    return errorState(error);
  }
  revalidate(parsed.data.pupilId);
  return { done: true };
}

/** The guardian who made a report with an end withdraws or shortens it (a form per report on the child page). */
export async function changeSickReportAction(previous: ChangeSickReportState, form: FormData): Promise<ChangeSickReportState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const raw = changeSickReportFormValues(formData);
  const echo = { reportId: raw.reportId, values: { from: raw.from ?? "", to: raw.to ?? "" }, attempt: nextAttempt(previous) };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, ...echo };
  const parsed = ChangeSickReportInput.safeParse(raw);
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), ...echo };
  try {
    const result = await changeSickReport(actor, parsed.data, { now: new Date() });
    revalidate(parsed.data.pupilId);
    return { reportId: parsed.data.reportId, attempt: echo.attempt, done: result.withdrawn ? "withdrawn" : "shortened" };
  } catch (error) {
    return { ...errorState(error), ...echo };
  }
}
