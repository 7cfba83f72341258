import { getTranslations } from "next-intl/server";
import type { MentorListQuery } from "@/lib/domain/contacts/filter";

/** A plain GET form: filtering and sorting work without client JavaScript. */
export async function ListFilter({ query }: { query: MentorListQuery }) {
  const t = await getTranslations("mentor");
  // On a phone "show" has a row of its own and "sort" shares one with the button (two selects side by
  // side cut the choices' text off at 320–360 px; three rows push the list below two screens); in a
  // row from the sm breakpoint.
  const select = "mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-2 sm:w-auto";
  return (
    <form method="get" action="/mentor" className="grid grid-cols-[minmax(0,1fr)_auto] items-end gap-3 sm:flex sm:flex-wrap" aria-label={t("filterTitle")}>
      <div className="col-span-full min-w-0">
        <label htmlFor="show" className="block text-sm font-medium">{t("show")}</label>
        <select id="show" name="show" defaultValue={query.show} className={select}>
          <option value="all">{t("showAll")}</option>
          <option value="notReached">{t("showNotReached")}</option>
        </select>
      </div>
      <div className="min-w-0">
        <label htmlFor="sort" className="block text-sm font-medium">{t("sort")}</label>
        <select id="sort" name="sort" defaultValue={query.sort} className={select}>
          <option value="reach">{t("sortReach")}</option>
          <option value="name">{t("sortName")}</option>
          <option value="lastContact">{t("sortLastContact")}</option>
          <option value="class">{t("sortClass")}</option>
        </select>
      </div>
      <button type="submit" className="min-h-11 rounded-lg bg-slate-800 px-4 font-medium text-white hover:bg-slate-900">
        {t("apply")}
      </button>
    </form>
  );
}
