import { getFormatter, getTranslations } from "next-intl/server";
import { invitePersonAction } from "@/lib/domain/invitations/actions";
import { mayInvite, type InvitationStatus } from "@/lib/domain/invitations/status";
import type { InvitationPerson } from "@/lib/domain/invitations/queries";
import { PhoneLink } from "@/components/ui/ltr";
import { readablePhone } from "@/lib/domain/admin/phone";

const BADGE: Record<InvitationStatus, string> = {
  active: "bg-green-100 text-green-900",
  invited: "bg-brand-50 text-brand-900",
  pending: "bg-brand-50 text-brand-900",
  expired: "bg-amber-100 text-amber-900",
  failed: "bg-warn-50 text-warn-700",
  notInvited: "bg-slate-100 text-slate-800",
  noEmail: "bg-slate-100 text-slate-800",
  blocked: "bg-slate-200 text-slate-800",
};

export type FormContext = { schoolId: string | null; requestKey: string; filter: { class?: string; status?: string } };

/** Hidden fields every invitation form carries: school, the form's key, the list's filters to come back to. */
export function FormContextFields({ context }: { context: FormContext }) {
  return (
    <>
      {context.schoolId ? <input type="hidden" name="schoolId" value={context.schoolId} /> : null}
      <input type="hidden" name="requestKey" value={context.requestKey} />
      {context.filter.class ? <input type="hidden" name="filter-class" value={context.filter.class} /> : null}
      {context.filter.status ? <input type="hidden" name="filter-status" value={context.filter.status} /> : null}
    </>
  );
}

export async function PersonCard({ person, context, showChildren = true }: { person: InvitationPerson; context: FormContext; showChildren?: boolean }) {
  const [t, tRoles, format] = await Promise.all([getTranslations("invitations"), getTranslations("roles"), getFormatter()]);
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-slate-200 bg-white p-3">
      <div className="min-w-0">
        <p className="font-semibold">{person.name}</p>
        {showChildren && person.children.length ? (
          <p className="text-sm text-slate-700">{t("parentOf", { children: person.children.map((c) => t("childInClass", { name: c.name, className: c.className })).join(", ") })}</p>
        ) : null}
        {person.roles.length ? <p className="text-sm text-slate-700">{person.roles.map((r) => tRoles(r)).join(", ")}</p> : null}
        {person.email ? <p dir="ltr" className="break-all text-start text-sm text-slate-700">{person.email}</p> : null}
        {person.phone ? (
          <p className="text-sm">
            {t("phone")}{" "}
            <PhoneLink phone={readablePhone(person.phone)} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline" />
          </p>
        ) : null}
        <p className="mt-1 text-sm">
          <span className={`rounded px-2 py-0.5 font-medium ${BADGE[person.status]}`}>{t(`status.${person.status}`)}</span>
          {person.invitedAt && person.status !== "active" && person.status !== "notInvited" ? (
            <span className="ms-2 text-slate-600">{t("invitedAt", { date: format.dateTime(person.invitedAt, "sent") })}</span>
          ) : null}
        </p>
      </div>
      {mayInvite(person.status) ? (
        <form action={invitePersonAction}>
          <FormContextFields context={context} />
          <input type="hidden" name="userId" value={person.userId} />
          <button type="submit" className="min-h-11 rounded-lg border border-brand-600 px-3 text-sm font-medium text-brand-700 hover:bg-brand-50">
            {person.status === "notInvited" ? t("invite") : t("inviteAgain")}
            <span className="sr-only"> {person.name}</span>
          </button>
        </form>
      ) : null}
    </li>
  );
}
