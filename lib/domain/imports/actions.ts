"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors";
import { formText, nextAttempt, submittedForm } from "@/lib/forms/form-data";
import { ColumnChoices, RunRef } from "@/lib/domain/imports/schemas";
import { FILE_KINDS } from "@/lib/domain/imports/fields";
import { applyImport, discardImport, mapImportColumns } from "@/lib/domain/imports/commands";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED, notSavedError } from "@/lib/forms/unavailable";

export type ImportActionState = { errors?: { field?: string; code: string }[]; attempt?: number };

const runPath = (schoolId: string, runId: string) => `/admin/schools/${encodeURIComponent(schoolId)}/imports/${encodeURIComponent(runId)}`;

function failed(error: unknown, previous: ImportActionState): ImportActionState {
  if (error instanceof AppError) return { errors: [{ code: `errors.${error.code}` }], attempt: nextAttempt(previous) };
  const notSaved = notSavedError(error);
  if (notSaved) return { errors: [{ code: notSaved }], attempt: nextAttempt(previous) };
  throw error;
}

/** "Apply": queues the all-or-nothing write; the page then shows its progress. */
export async function applyImportAction(previous: ImportActionState, form: FormData): Promise<ImportActionState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: [{ code: "errors.invalidInput" }], attempt: nextAttempt(previous) };
  const actor = await actorOrNotSaved();
  if (actor === NOT_SAVED) return { errors: [{ code: actor }], attempt: nextAttempt(previous) };
  const ref = RunRef.safeParse({ schoolId: formText(formData, "schoolId"), runId: formText(formData, "runId") });
  if (!actor || !ref.success) return { errors: [{ code: "errors.invalidInput" }], attempt: nextAttempt(previous) };
  try {
    await applyImport(actor, ref.data.schoolId, ref.data.runId);
  } catch (error) {
    return failed(error, previous);
  }
  revalidatePath(runPath(ref.data.schoolId, ref.data.runId));
  redirect(runPath(ref.data.schoolId, ref.data.runId));
}

export async function discardImportAction(previous: ImportActionState, form: FormData): Promise<ImportActionState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: [{ code: "errors.invalidInput" }], attempt: nextAttempt(previous) };
  const actor = await actorOrNotSaved();
  if (actor === NOT_SAVED) return { errors: [{ code: actor }], attempt: nextAttempt(previous) };
  const ref = RunRef.safeParse({ schoolId: formText(formData, "schoolId"), runId: formText(formData, "runId") });
  if (!actor || !ref.success) return { errors: [{ code: "errors.invalidInput" }], attempt: nextAttempt(previous) };
  try {
    await discardImport(actor, ref.data.schoolId, ref.data.runId);
  } catch (error) {
    return failed(error, previous);
  }
  redirect(`/admin/schools/${encodeURIComponent(ref.data.schoolId)}/imports?discarded=1`);
}

/**
 * The column form: `kind:<position>` per file and `column:<position>:<index>`
 * per header (its value the field; the header text travels in `header:…`).
 */
export async function mapColumnsAction(previous: ImportActionState, form: FormData): Promise<ImportActionState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: [{ code: "errors.invalidInput" }], attempt: nextAttempt(previous) };
  const actor = await actorOrNotSaved();
  if (actor === NOT_SAVED) return { errors: [{ code: actor }], attempt: nextAttempt(previous) };
  const ref = RunRef.safeParse({ schoolId: formText(formData, "schoolId"), runId: formText(formData, "runId") });
  if (!actor || !ref.success) return { errors: [{ code: "errors.invalidInput" }], attempt: nextAttempt(previous) };
  const kinds: { position: number; kind: string }[] = [];
  const columns: { position: number; header: string; field: string }[] = [];
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const kind = /^kind:(\d+)$/.exec(name);
    if (kind) kinds.push({ position: Number(kind[1]), kind: value });
    const column = /^column:(\d+):(\d+)$/.exec(name);
    if (column && value) columns.push({ position: Number(column[1]), header: formText(formData, `header:${column[1]}:${column[2]}`) ?? "", field: value });
  }
  const missingKind = kinds.filter((k) => !(FILE_KINDS as readonly string[]).includes(k.kind)).map((k) => ({ field: `kind-${k.position}`, code: "importErrors.chooseKind" }));
  const parsed = ColumnChoices.safeParse({ kinds: kinds.filter((k) => (FILE_KINDS as readonly string[]).includes(k.kind)), columns });
  if (missingKind.length || !parsed.success) {
    return { errors: missingKind.length ? missingKind : [{ code: "importErrors.fieldUnknown" }], attempt: nextAttempt(previous) };
  }
  try {
    await mapImportColumns(actor, ref.data.schoolId, ref.data.runId, parsed.data);
  } catch (error) {
    return failed(error, previous);
  }
  redirect(runPath(ref.data.schoolId, ref.data.runId));
}
