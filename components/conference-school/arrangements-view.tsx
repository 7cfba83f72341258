import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { Arrangements } from "@/lib/domain/conferences/schedule-queries";
import { EVENING, TIME, eveningDate, languageName } from "@/components/conference-school/format";

type Row = Arrangements["interpreters"][number];

/** Interpreter and childcare requests of a round, with interpreters counted per language. */
export async function ArrangementsView({ arrangements }: { arrangements: Arrangements }) {
  const [t, format, locale] = await Promise.all([getTranslations("conferenceSchool"), getFormatter(), getLocale()]);
  const table = (rows: Row[], caption: string, withLanguage: boolean) => (
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto">
      <table className="mt-2 w-full border-collapse text-start">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            {withLanguage ? <th scope="col" className="py-1 pe-2 text-start">{t("colLanguage")}</th> : null}
            <th scope="col" className="py-1 pe-2 text-start">{t("colEvening")}</th>
            <th scope="col" className="py-1 pe-2 text-start">{t("colTime")}</th>
            <th scope="col" className="py-1 pe-2 text-start">{t("colHost")}</th>
            <th scope="col" className="py-1 pe-2 text-start">{t("colFamily")}</th>
            <th scope="col" className="py-1 text-start">{t("colGuardians")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100 align-top">
              {withLanguage ? <td className="py-2 pe-2 font-medium">{languageName(r.interpreterLanguage ?? "", locale)}</td> : null}
              <td className="py-2 pe-2">{format.dateTime(eveningDate(r.day), EVENING)}</td>
              <td className="py-2 pe-2 whitespace-nowrap">{format.dateTime(r.startsAt, TIME)}–{format.dateTime(r.endsAt, TIME)}</td>
              <td className="py-2 pe-2">{r.host}</td>
              <td className="py-2 pe-2">{r.pupilName} <span className="text-sm text-slate-600">{r.className}</span></td>
              <td className="py-2">{r.guardians.join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <div className="mt-4 space-y-6">
      <section aria-labelledby="per-language" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="per-language" className="text-lg font-semibold">{t("perLanguageTitle")}</h2>
        {arrangements.perLanguage.length ? (
          <table className="mt-2 border-collapse text-start">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pe-6 text-start">{t("colLanguage")}</th>
                <th scope="col" className="py-1 text-start">{t("colCount")}</th>
              </tr>
            </thead>
            <tbody>
              {arrangements.perLanguage.map((l) => (
                <tr key={l.language} className="border-b border-slate-100">
                  <td className="py-1 pe-6">{languageName(l.language, locale)}</td>
                  <td className="py-1">{format.number(l.count, "integer")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="mt-2 text-sm">{t("noInterpreters")}</p>
        )}
      </section>
      <section aria-labelledby="interpreters" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="interpreters" className="text-lg font-semibold">{t("interpretersTitle")}</h2>
        {arrangements.interpreters.length ? table(arrangements.interpreters, t("interpretersTitle"), true) : <p className="mt-2 text-sm">{t("noInterpreters")}</p>}
      </section>
      <section aria-labelledby="childcare" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="childcare" className="text-lg font-semibold">{t("childcareTitle")}</h2>
        {arrangements.childcare.length ? table(arrangements.childcare, t("childcareTitle"), false) : <p className="mt-2 text-sm">{t("noChildcare")}</p>}
      </section>
    </div>
  );
}
