import { getTranslations } from "next-intl/server";
import { DENOMINATIONS, OFFERED_TYPES, type SchoolSearchInput } from "@/lib/domain/schools/schemas";

type Props = { search: SchoolSearchInput; compare: string[] };

const field = "mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3";

/** A plain GET form: works without JavaScript and gives a shareable address. */
export async function SearchForm({ search, compare }: Props) {
  const [t, tInd] = await Promise.all([getTranslations("publicSearch"), getTranslations("indicators")]);
  return (
    <form action="/" method="get" role="search" className="mt-4 grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto] lg:items-end">
      <div className="sm:col-span-2 lg:col-span-1">
        <label htmlFor="q" className="font-medium">{t("queryLabel")}</label>
        <input id="q" name="q" type="search" defaultValue={search.q ?? ""} maxLength={100} autoComplete="off" aria-describedby="q-hint" className={field} />
        <p id="q-hint" className="mt-1 text-sm text-slate-600">{t("queryHint")}</p>
      </div>
      <div className="lg:self-start">
        <label htmlFor="type" className="font-medium">{t("typeLabel")}</label>
        <select id="type" name="type" defaultValue={search.type ?? ""} className={field}>
          <option value="">{t("anyType")}</option>
          {OFFERED_TYPES.map((type) => (
            <option key={type} value={type}>{tInd(`schoolTypes.${type}`)}</option>
          ))}
        </select>
      </div>
      <div className="lg:self-start">
        <label htmlFor="denomination" className="font-medium">{t("denominationLabel")}</label>
        <select id="denomination" name="denomination" defaultValue={search.denomination ?? ""} className={field}>
          <option value="">{t("anyDenomination")}</option>
          {DENOMINATIONS.map((d) => (
            <option key={d} value={d}>{tInd(`denominations.${d}`)}</option>
          ))}
        </select>
      </div>
      {compare.length ? <input type="hidden" name="compare" value={compare.join(",")} /> : null}
      <div className="lg:self-start lg:pt-7">
        <button type="submit" className="min-h-11 w-full rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700">{t("submit")}</button>
      </div>
    </form>
  );
}
