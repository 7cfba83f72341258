"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { InviteEveryoneInput, InvitePersonInput } from "@/lib/domain/invitations/schemas";
import { inviteEveryone, invitePerson } from "@/lib/domain/invitations/commands";
import { submittedForm } from "@/lib/forms/form-data";

// Plain forms (they work without JavaScript): the answer is the list again,
// with how many invitations went out or why nothing did.

function listPath(schoolId: string | null): string {
  return schoolId ? `/admin/schools/${encodeURIComponent(schoolId)}/invitations` : "/mentor/invitations";
}

/** Back to the list with the same filters (only our own parameters). */
function back(formData: FormData, schoolId: string | null, outcome: Record<string, string>): never {
  const params = new URLSearchParams(outcome);
  for (const name of ["class", "status"]) {
    const value = formData.get(`filter-${name}`);
    if (typeof value === "string" && /^[\w-]{1,64}$/.test(value)) params.set(name, value);
  }
  redirect(`${listPath(schoolId)}?${params}`);
}

const schoolOf = (formData: FormData) => (typeof formData.get("schoolId") === "string" && formData.get("schoolId") ? String(formData.get("schoolId")) : null);

export async function invitePersonAction(form: FormData): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  const formData = submittedForm(form);
  if (!formData) back(new FormData(), null, { error: "invalidInput" });
  const schoolId = schoolOf(formData);
  const parsed = InvitePersonInput.safeParse({ schoolId, userId: formData.get("userId"), requestKey: formData.get("requestKey") });
  if (!parsed.success) back(formData, schoolId, { error: "invalidInput" });
  let sent = 0;
  try {
    sent = await invitePerson(actor, parsed.data);
  } catch (error) {
    if (error instanceof AppError) back(formData, schoolId, { error: error.code });
    throw error;
  }
  revalidatePath(listPath(schoolId));
  back(formData, schoolId, { sent: String(sent) });
}

export async function inviteEveryoneAction(form: FormData): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  const formData = submittedForm(form);
  if (!formData) back(new FormData(), null, { error: "invalidInput" });
  const schoolId = schoolOf(formData);
  const classId = formData.get("classId");
  const parsed = InviteEveryoneInput.safeParse({ schoolId, classId: typeof classId === "string" && classId ? classId : null, requestKey: formData.get("requestKey") });
  if (!parsed.success) back(formData, schoolId, { error: "invalidInput" });
  let sent = 0;
  try {
    sent = await inviteEveryone(actor, parsed.data);
  } catch (error) {
    if (error instanceof AppError) back(formData, schoolId, { error: error.code });
    throw error;
  }
  revalidatePath(listPath(schoolId));
  back(formData, schoolId, { sent: String(sent) });
}
