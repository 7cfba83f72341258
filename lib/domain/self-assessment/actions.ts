"use server";

import { revalidatePath, updateTag } from "next/cache";
import { commandErrors } from "@/lib/domain/admin/form-state";
import { PUBLIC_SCHOOLS_TAG, publicSchoolTag } from "@/lib/domain/schools/cache-tags";
import { DOMAINS } from "@/lib/domain/self-assessment/model";
import { SelfAssessmentInput } from "@/lib/domain/self-assessment/schemas";
import { publishSelfAssessment, saveSelfAssessment } from "@/lib/domain/self-assessment/commands";
import { formText, nextAttempt, submittedForm } from "@/lib/forms/form-data";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED } from "@/lib/forms/unavailable";

export type SelfAssessmentFormState = {
  /** Catalogue keys per field id (`level-<domain>`, `note-<domain>`, `sentence-<domain>`) or `_form`. */
  errors?: Record<string, string>;
  values?: Record<string, string>;
  attempt?: number;
  saved?: boolean;
  published?: boolean;
};

const FIELDS = ["level", "note", "sentence"] as const;

/** Saves this school year's self-assessment (the form on /leader/self-assessment). */
export async function saveSelfAssessmentAction(previous: SelfAssessmentFormState, form: FormData): Promise<SelfAssessmentFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" }, attempt: nextAttempt(previous) };
  const values: Record<string, string> = {};
  for (const d of DOMAINS) for (const f of FIELDS) values[`${f}-${d}`] = formText(formData, `${f}-${d}`) ?? "";
  const echo = { values, attempt: nextAttempt(previous) };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, ...echo };
  const parsed = SelfAssessmentInput.safeParse(
    Object.fromEntries(DOMAINS.map((d) => [d, { level: values[`level-${d}`], note: values[`note-${d}`], sentence: values[`sentence-${d}`] }])),
  );
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const [domain, field] = issue.path.map(String);
      const key = field ? `${field}-${domain}` : "_form";
      errors[key] ??= issue.message.startsWith("selfAssessment.") ? issue.message : "selfAssessment.errors.invalid";
    }
    return { errors, ...echo };
  }
  try {
    await saveSelfAssessment(actor, parsed.data, new Date());
  } catch (error) {
    return { errors: commandErrors(error), ...echo };
  }
  revalidatePath("/leader/self-assessment");
  return { saved: true, attempt: echo.attempt };
}

/** Publishes this school year's summary on the public profile and expires its cache. */
export async function publishSelfAssessmentAction(previous: SelfAssessmentFormState, form: FormData): Promise<SelfAssessmentFormState> {
  const attempt = nextAttempt(previous);
  if (!submittedForm(form)) return { errors: { _form: "errors.invalidInput" }, attempt };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" } };
  try {
    const { schoolId } = await publishSelfAssessment(actor, new Date());
    // The public profile reads cached published data: expire it now.
    updateTag(PUBLIC_SCHOOLS_TAG);
    updateTag(publicSchoolTag(schoolId));
  } catch (error) {
    return { errors: commandErrors(error), attempt };
  }
  revalidatePath("/leader/self-assessment");
  return { published: true, attempt };
}
