import { getTranslations } from "next-intl/server";
import { inviteEveryoneAction } from "@/lib/domain/invitations/actions";
import { INVITATION_STATUSES, includedInBulk, type InvitationStatus } from "@/lib/domain/invitations/status";
import type { InvitationOverview, InvitationPerson } from "@/lib/domain/invitations/queries";
import { FormContextFields, PersonCard, type FormContext } from "@/components/invitations/person-card";
import { InvitationFilterForm } from "@/components/invitations/filter-form";

type Props = { overview: InvitationOverview; context: FormContext; notice: { sent?: number; error?: string } };

function BulkButton({ context, classId, label, count }: { context: FormContext; classId: string | null; label: string; count: number }) {
  if (count === 0) return null;
  return (
    <form action={inviteEveryoneAction}>
      <FormContextFields context={context} />
      {classId ? <input type="hidden" name="classId" value={classId} /> : null}
      <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700">{label}</button>
    </form>
  );
}

/** The list of people to invite, per class, with the call list of guardians without an e-mail address. */
export async function InvitationList({ overview, context, notice }: Props) {
  const t = await getTranslations("invitations");
  const { filter } = context;
  const shown = (p: InvitationPerson) => !filter.status || p.status === filter.status;
  const withEmail = overview.guardians.filter((g) => g.status !== "noEmail");
  const noEmail = overview.guardians.filter((g) => g.status === "noEmail" && (!filter.class || g.children.some((c) => c.classId === filter.class)));
  const counts = new Map<InvitationStatus, number>();
  for (const p of [...overview.guardians, ...overview.staff]) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
  const classes = overview.classes.filter((c) => !filter.class || c.id === filter.class);
  const schoolBulk = [...overview.guardians, ...overview.staff].filter((p) => includedInBulk(p.status)).length;

  return (
    <div className="space-y-6">
      {notice.sent !== undefined ? <p role="status" className="rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t("sent", { count: notice.sent })}</p> : null}
      {notice.error ? <p role="alert" className="rounded-lg border border-warn-700 bg-warn-50 p-3 text-warn-700">{t(`error.${notice.error === "conflict" ? "conflict" : "other"}`)}</p> : null}

      <section aria-labelledby="summary-heading" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="summary-heading" className="text-lg font-semibold">{t("summaryTitle")}</h2>
        <ul className="mt-2 flex flex-wrap gap-2 text-sm">
          {INVITATION_STATUSES.filter((s) => counts.get(s)).map((s) => (
            <li key={s} className="rounded bg-slate-100 px-2 py-1">{t("count", { status: t(`status.${s}`), count: counts.get(s)! })}</li>
          ))}
        </ul>
        <details className="mt-3">
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t("legendTitle")}</summary>
          <dl className="mt-2 space-y-2 text-sm">
            {INVITATION_STATUSES.map((s) => (
              <div key={s}><dt className="font-semibold">{t(`status.${s}`)}</dt><dd>{t(`meaning.${s}`)}</dd></div>
            ))}
          </dl>
        </details>
      </section>

      <InvitationFilterForm classes={overview.classes} filter={filter} />
      {overview.schoolId && overview.schoolName && !filter.class ? (
        <BulkButton context={context} classId={null} count={schoolBulk} label={t("inviteSchool", { count: schoolBulk })} />
      ) : null}

      {classes.map((c) => {
        const people = withEmail.filter((g) => g.children.some((child) => child.classId === c.id));
        const visible = people.filter(shown);
        const bulk = people.filter((p) => includedInBulk(p.status)).length;
        return (
          <section key={c.id} aria-labelledby={`class-${c.id}`} className="space-y-3">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 id={`class-${c.id}`} className="text-xl font-semibold">{t("classTitle", { className: c.name })}</h2>
              <BulkButton context={context} classId={c.id} count={bulk} label={t("inviteClass", { className: c.name, count: bulk })} />
            </div>
            {visible.length ? (
              <ul className="space-y-2">{visible.map((p) => <PersonCard key={p.userId} person={p} context={context} />)}</ul>
            ) : (
              <p className="text-sm text-slate-700">{t("nobody")}</p>
            )}
          </section>
        );
      })}

      {(!filter.status || filter.status === "noEmail") && noEmail.length ? (
        <section aria-labelledby="no-email-heading" className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4">
          <h2 id="no-email-heading" className="text-xl font-semibold">{t("noEmailTitle")}</h2>
          <p className="text-sm">{t("noEmailIntro")}</p>
          <ul className="space-y-2">{noEmail.map((p) => <PersonCard key={p.userId} person={p} context={context} />)}</ul>
        </section>
      ) : null}

      {overview.staff.length && !filter.class ? (
        <section aria-labelledby="staff-heading" className="space-y-3">
          <h2 id="staff-heading" className="text-xl font-semibold">{t("staffTitle")}</h2>
          <p className="text-sm text-slate-700">{t("staffIntro")}</p>
          <ul className="space-y-2">{overview.staff.filter(shown).map((p) => <PersonCard key={p.userId} person={p} context={context} showChildren={false} />)}</ul>
        </section>
      ) : null}
    </div>
  );
}
