"use server";

import { revalidatePath } from "next/cache";
import { commandErrors, issuesToErrors, type AdminFormState } from "@/lib/domain/admin/form-state";
import { HolidayInput, PeriodInput, SchoolYearInput, holidayFormValues, periodFormValues } from "@/lib/domain/admin/calendar-schemas";
import { addSchoolYear, deleteHoliday, deletePeriod, saveHoliday, savePeriod } from "@/lib/domain/admin/calendar-commands";
import { nextAttempt, submittedForm } from "@/lib/forms/form-data";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED } from "@/lib/forms/unavailable";

export type CalendarFormState = AdminFormState<Record<string, string>>;

const FORBIDDEN: CalendarFormState = { errors: { _form: "errors.forbidden" } };

function schoolIdOf(formData: FormData): string | null {
  const id = formData.get("schoolId");
  return typeof id === "string" && id && id.length <= 64 ? id : null;
}

const refresh = (schoolId: string) => revalidatePath(`/admin/schools/${schoolId}/calendar`);

export async function savePeriodAction(previous: CalendarFormState, form: FormData): Promise<CalendarFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const schoolId = schoolIdOf(formData);
  const values = periodFormValues(formData);
  const echo = { values: { startsOn: values.startsOn, endsOn: values.endsOn }, attempt: nextAttempt(previous) };
  const actor = await actorOrNotSaved();
  if (actor === NOT_SAVED) return { errors: { _form: actor }, ...echo };
  if (!actor || !schoolId) return FORBIDDEN;
  const parsed = PeriodInput.safeParse(values);
  if (!parsed.success) return { errors: issuesToErrors(parsed.error.issues, "calendarErrors"), ...echo };
  try {
    await savePeriod(actor, schoolId, parsed.data);
  } catch (error) {
    return { errors: commandErrors(error), ...echo };
  }
  refresh(schoolId);
  // A new term's form starts empty again; an edited one shows what was saved.
  return { saved: true, attempt: echo.attempt, values: values.periodId ? echo.values : { startsOn: "", endsOn: "" } };
}

export async function saveHolidayAction(previous: CalendarFormState, form: FormData): Promise<CalendarFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const schoolId = schoolIdOf(formData);
  const values = holidayFormValues(formData);
  const echo = { values: { kind: values.kind, customName: values.customName, startsOn: values.startsOn, endsOn: values.endsOn }, attempt: nextAttempt(previous) };
  const actor = await actorOrNotSaved();
  if (actor === NOT_SAVED) return { errors: { _form: actor }, ...echo };
  if (!actor || !schoolId) return FORBIDDEN;
  const parsed = HolidayInput.safeParse(values);
  if (!parsed.success) return { errors: issuesToErrors(parsed.error.issues, "calendarErrors"), ...echo };
  try {
    await saveHoliday(actor, schoolId, parsed.data);
  } catch (error) {
    return { errors: commandErrors(error), ...echo };
  }
  refresh(schoolId);
  return { saved: true, attempt: echo.attempt, values: values.holidayId ? echo.values : { kind: "autumn", customName: "", startsOn: "", endsOn: "" } };
}

/** Removes a term or a holiday ("what" says which); twice is a no-op. */
export async function deleteCalendarItemAction(_: CalendarFormState, form: FormData): Promise<CalendarFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const actor = await actorOrNotSaved();
  if (actor === NOT_SAVED) return { errors: { _form: actor } };
  const schoolId = schoolIdOf(formData);
  const id = formData.get("id");
  const what = formData.get("what");
  if (!actor || !schoolId) return FORBIDDEN;
  if (typeof id !== "string" || !id || id.length > 64 || (what !== "period" && what !== "holiday")) return { errors: { _form: "errors.invalidInput" } };
  try {
    if (what === "period") await deletePeriod(actor, schoolId, id);
    else await deleteHoliday(actor, schoolId, id);
  } catch (error) {
    return { errors: commandErrors(error) };
  }
  refresh(schoolId);
  return { saved: true };
}

export async function addSchoolYearAction(_: CalendarFormState, form: FormData): Promise<CalendarFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const actor = await actorOrNotSaved();
  if (actor === NOT_SAVED) return { errors: { _form: actor } };
  const schoolId = schoolIdOf(formData);
  if (!actor || !schoolId) return FORBIDDEN;
  const parsed = SchoolYearInput.safeParse({ startYear: formData.get("startYear") });
  if (!parsed.success) return { errors: { _form: "errors.invalidInput" } };
  try {
    await addSchoolYear(actor, schoolId, parsed.data.startYear);
  } catch (error) {
    return { errors: commandErrors(error) };
  }
  refresh(schoolId);
  return { saved: true };
}
