"use server";

import { revalidatePath, updateTag } from "next/cache";
import { AppError } from "@/lib/errors";
import { PUBLIC_SCHOOLS_TAG, publicSchoolTag } from "@/lib/domain/schools/cache-tags";
import { DraftInput, PublishInput, entriesFromForm } from "@/lib/domain/indicators/schemas";
import { IndicatorValidationError, publishIndicators, saveIndicatorDrafts } from "@/lib/domain/indicators/commands";
import { readIndicatorCsv } from "@/lib/domain/indicators/csv";
import { BenchmarkInput, saveBenchmarks } from "@/lib/domain/indicators/benchmarks";
import { nextAttempt, submittedForm } from "@/lib/forms/form-data";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED, notSavedError } from "@/lib/forms/unavailable";

export type IndicatorFormState = {
  /** Catalogue keys per entry ("CODE:TYPE"), per CSV line ("line:N"), or "_form". */
  errors?: Record<string, string>;
  /** What was typed, so a rejected form shows it again. */
  values?: Record<string, string>;
  attempt?: number;
  saved?: number;
  published?: number;
};

function errorState(error: unknown): IndicatorFormState {
  if (error instanceof IndicatorValidationError) return { errors: error.entryErrors };
  if (error instanceof AppError) return { errors: { _form: `errors.${error.code}` } };
  const notSaved = notSavedError(error);
  if (notSaved) return { errors: { _form: notSaved } };
  throw error;
}

const typed = (formData: FormData) =>
  Object.fromEntries([...formData.entries()].filter(([k, v]) => /^[ve]:/.test(k) && typeof v === "string")) as Record<string, string>;

export async function saveDraftsAction(previous: IndicatorFormState, form: FormData): Promise<IndicatorFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, values: typed(formData), attempt: nextAttempt(previous) };
  const echo = { values: typed(formData), attempt: nextAttempt(previous) };
  const parsed = DraftInput.safeParse({ schoolId: formData.get("schoolId"), schoolYearId: formData.get("schoolYearId"), entries: entriesFromForm(formData) });
  if (!parsed.success) return { errors: { _form: "errors.invalidInput" }, ...echo };
  try {
    const saved = await saveIndicatorDrafts(actor, parsed.data);
    revalidatePath("/leader/indicators");
    return { saved, attempt: echo.attempt };
  } catch (error) {
    return { ...errorState(error), ...echo };
  }
}

export async function publishAction(_: IndicatorFormState, form: FormData): Promise<IndicatorFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" } };
  const parsed = PublishInput.safeParse({ schoolId: formData.get("schoolId"), schoolYearId: formData.get("schoolYearId") });
  if (!parsed.success) return { errors: { _form: "errors.invalidInput" } };
  try {
    const published = await publishIndicators(actor, parsed.data);
    // Public pages read cached published data: expire it now.
    updateTag(PUBLIC_SCHOOLS_TAG);
    updateTag(publicSchoolTag(parsed.data.schoolId));
    revalidatePath("/leader/indicators");
    return { published };
  } catch (error) {
    return errorState(error);
  }
}

export async function uploadCsvAction(_: IndicatorFormState, form: FormData): Promise<IndicatorFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" } };
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { errors: { _form: "indicatorErrors.csvMissing" } };
  const csv = readIndicatorCsv(await file.text());
  if (!csv.ok) return { errors: Object.fromEntries(csv.errors.map((e) => [`line:${e.line}`, e.error])) };
  const parsed = DraftInput.safeParse({
    schoolId: formData.get("schoolId"),
    schoolYearId: formData.get("schoolYearId"),
    entries: csv.rows.map(({ indicatorCode, schoolType, value, explanation }) => ({ indicatorCode, schoolType, value, explanation })),
  });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const row = issue.path[0] === "entries" ? csv.rows[Number(issue.path[1])] : undefined;
      errors[row ? `line:${row.line}` : "_form"] ??= issue.message.startsWith("indicatorErrors.") ? issue.message : "errors.invalidInput";
    }
    return { errors };
  }
  try {
    const saved = await saveIndicatorDrafts(actor, parsed.data, (_, index) => `line:${csv.rows[index].line}`);
    revalidatePath("/leader/indicators");
    return { saved };
  } catch (error) {
    return errorState(error);
  }
}

export async function saveBenchmarksAction(previous: IndicatorFormState, form: FormData): Promise<IndicatorFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, values: typed(formData), attempt: nextAttempt(previous) };
  const echo = { values: typed(formData), attempt: nextAttempt(previous) };
  const entries = entriesFromForm(formData).map((e) => {
    const { indicatorCode, schoolType, value } = e as { indicatorCode: string; schoolType: string; value: string };
    return { indicatorCode, schoolType, value };
  });
  const parsed = BenchmarkInput.safeParse({ schoolYearId: formData.get("schoolYearId"), entries });
  if (!parsed.success) return { errors: { _form: "errors.invalidInput" }, ...echo };
  try {
    const saved = await saveBenchmarks(actor, parsed.data);
    // Every school's comparison changes.
    updateTag(PUBLIC_SCHOOLS_TAG);
    revalidatePath("/admin/benchmarks");
    return { saved, attempt: echo.attempt };
  } catch (error) {
    return { ...errorState(error), ...echo };
  }
}
