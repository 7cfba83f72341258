import { getTranslations } from "next-intl/server";
import { INVITATION_STATUSES } from "@/lib/domain/invitations/status";

/** Filter by class and status: a plain GET form, so the filtered list has its own address. */
export async function InvitationFilterForm({ classes, filter }: { classes: { id: string; name: string }[]; filter: { class?: string; status?: string } }) {
  const t = await getTranslations("invitations");
  const select = "mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-2";
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <div className="min-w-0 flex-1 basis-40">
        <label htmlFor="filter-class" className="block text-sm font-medium">{t("filterClass")}</label>
        <select id="filter-class" name="class" defaultValue={filter.class ?? ""} className={select}>
          <option value="">{t("allClasses")}</option>
          {classes.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </div>
      <div className="min-w-0 flex-1 basis-40">
        <label htmlFor="filter-status" className="block text-sm font-medium">{t("filterStatus")}</label>
        <select id="filter-status" name="status" defaultValue={filter.status ?? ""} className={select}>
          <option value="">{t("allStatuses")}</option>
          {INVITATION_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </select>
      </div>
      <button type="submit" className="min-h-11 rounded-lg border border-brand-600 px-4 font-medium text-brand-700 hover:bg-brand-50">{t("filter")}</button>
    </form>
  );
}
