import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AUDIT_CATEGORIES, AUDIT_ROLES, OUTCOMES } from "@/lib/domain/privacy/categories";
import type { FilterIssue, FilterValues } from "@/lib/domain/privacy/filter";
import { ErrorSummary } from "@/components/ui/error-summary";

/** The leader's filter: a plain GET form, so a filtered view has its own address and the CSV link takes the same one. */
export async function AccessFilterForm({ values, issues, action }: { values: FilterValues; issues: FilterIssue[]; action: string }) {
  const [t, tRoles] = await Promise.all([getTranslations("privacy"), getTranslations("roles")]);
  const input = "mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-2";
  const label = (field: string) => (field === "from" ? t("from") : field === "to" ? t("to") : t(field as "pupil"));
  const errors = issues.map((i) => ({ field: `privacy-${i.field}`, text: t(`issue.${i.code}`, { field: label(i.field) }) }));
  const invalid = new Set(issues.map((i) => i.field));
  const described = (field: string, help?: string) => {
    const ids = [help, invalid.has(field as FilterIssue["field"]) ? "privacy-issues" : undefined].filter(Boolean).join(" ");
    return ids ? { "aria-describedby": ids } : {};
  };
  return (
    <>
      {errors.length ? <div id="privacy-issues"><ErrorSummary title={t("issuesTitle")} errors={errors} /></div> : null}
      <form method="get" action={action} aria-label={t("filterTitle")} className="mt-4 grid grid-cols-1 gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <label htmlFor="privacy-from" className="block text-sm font-medium">{t("from")}</label>
          <input id="privacy-from" name="from" type="date" defaultValue={values.from} className={input} aria-invalid={invalid.has("from") || undefined} {...described("from")} />
        </div>
        <div>
          <label htmlFor="privacy-to" className="block text-sm font-medium">{t("to")}</label>
          <input id="privacy-to" name="to" type="date" defaultValue={values.to} className={input} aria-invalid={invalid.has("to") || undefined} {...described("to")} />
        </div>
        <div>
          <label htmlFor="privacy-pupil" className="block text-sm font-medium">{t("pupil")}</label>
          <input id="privacy-pupil" name="pupil" type="search" maxLength={100} defaultValue={values.pupil} className={input} aria-invalid={invalid.has("pupil") || undefined} {...described("pupil", "privacy-pupil-help")} />
          <p id="privacy-pupil-help" className="mt-1 text-sm text-slate-700">{t("pupilHelp")}</p>
        </div>
        <div>
          <label htmlFor="privacy-person" className="block text-sm font-medium">{t("person")}</label>
          <input id="privacy-person" name="person" type="search" maxLength={100} defaultValue={values.person} className={input} aria-invalid={invalid.has("person") || undefined} {...described("person", "privacy-person-help")} />
          <p id="privacy-person-help" className="mt-1 text-sm text-slate-700">{t("personHelp")}</p>
        </div>
        <div>
          <label htmlFor="privacy-role" className="block text-sm font-medium">{t("role")}</label>
          <select id="privacy-role" name="role" defaultValue={values.role ?? ""} className={input}>
            <option value="">{t("all")}</option>
            {AUDIT_ROLES.map((r) => <option key={r} value={r}>{tRoles(r)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="privacy-outcome" className="block text-sm font-medium">{t("outcome")}</label>
          <select id="privacy-outcome" name="outcome" defaultValue={values.outcome ?? ""} className={input}>
            <option value="">{t("all")}</option>
            {OUTCOMES.map((o) => <option key={o} value={o}>{t(`outcomeValue.${o}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="privacy-category" className="block text-sm font-medium">{t("category")}</label>
          <select id="privacy-category" name="category" defaultValue={values.category ?? ""} className={input}>
            <option value="">{t("all")}</option>
            {AUDIT_CATEGORIES.map((c) => <option key={c} value={c}>{t(`categoryValue.${c}`)}</option>)}
          </select>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700">{t("apply")}</button>
          <Link href={action} className="inline-flex min-h-11 items-center text-brand-700 underline">{t("reset")}</Link>
        </div>
      </form>
    </>
  );
}
