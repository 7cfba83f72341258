import { getTranslations } from "next-intl/server";

/** A plain GET form to choose the school year of an indicator page. */
export async function YearPicker({ years, selected }: { years: { id: string; name: string }[]; selected: string }) {
  const t = await getTranslations("publishing");
  return (
    <form method="get" className="mt-4 flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="year" className="block text-sm font-medium">{t("year")}</label>
        <select id="year" name="year" defaultValue={selected} className="mt-1 block min-h-11 rounded-lg border border-slate-400 bg-white px-2">
          {years.map((y) => <option key={y.id} value={y.id}>{y.name}</option>)}
        </select>
      </div>
      <button type="submit" className="min-h-11 rounded-lg border border-slate-400 bg-white px-4">{t("show")}</button>
    </form>
  );
}
