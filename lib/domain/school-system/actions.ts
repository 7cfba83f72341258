"use server";

import { revalidatePath } from "next/cache";
import { commandErrors, issuesToErrors } from "@/lib/domain/admin/form-state";
import { PromotionRulesInput } from "@/lib/domain/school-system/schemas";
import { setPromotionRules } from "@/lib/domain/school-system/commands";
import { formText, nextAttempt, submittedForm } from "@/lib/forms/form-data";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED } from "@/lib/forms/unavailable";

export type PromotionRulesFormState = { errors?: Record<string, string>; values?: { text: string }; attempt?: number; saved?: boolean };

/** The school leader's promotion rules (the form on /leader). Errors are catalogue keys. */
export async function savePromotionRulesAction(previous: PromotionRulesFormState, form: FormData): Promise<PromotionRulesFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const text = formText(formData, "text") ?? "";
  const echo = { values: { text }, attempt: nextAttempt(previous) };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, ...echo };
  const parsed = PromotionRulesInput.safeParse({ text });
  if (!parsed.success) return { errors: issuesToErrors(parsed.error.issues, "schoolSystem.errors"), ...echo };
  try {
    await setPromotionRules(actor, parsed.data);
  } catch (error) {
    return { errors: commandErrors(error), ...echo };
  }
  revalidatePath("/leader");
  return { saved: true, attempt: echo.attempt, values: { text: parsed.data.text } };
}
