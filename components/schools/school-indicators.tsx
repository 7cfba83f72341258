import { getTranslations } from "next-intl/server";
import type { GroupView } from "@/lib/domain/schools/indicator-view";
import { getFigureFormatter } from "@/components/schools/figure-format";
import { IndicatorCard } from "@/components/schools/indicator-card";

/** All published indicators, one section per group, with a table of contents to jump to a group. */
export async function SchoolIndicators({ groups }: { groups: GroupView[] }) {
  const [t, tInd, formatFigure] = await Promise.all([getTranslations("schoolProfile"), getTranslations("indicators"), getFigureFormatter()]);
  if (!groups.length) return <p className="mt-4 rounded-lg bg-white p-4">{t("noFigures")}</p>;
  return (
    <>
      <nav aria-labelledby="groups-nav" className="mt-4 rounded-xl border border-slate-200 bg-white p-4">
        <h3 id="groups-nav" className="font-semibold">{t("groupsNav")}</h3>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
          {groups.map(({ group }) => (
            <li key={group}>
              <a href={`#group-${group}`} className="inline-flex min-h-11 items-center text-brand-700 underline sm:min-h-0">{tInd(`groups.${group}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map(({ group, indicators }) => (
        <section key={group} id={`group-${group}`} aria-labelledby={`group-${group}-heading`} className="mt-8 scroll-mt-4">
          <h2 id={`group-${group}-heading`} className="text-xl font-semibold">{tInd(`groups.${group}`)}</h2>
          <div className="mt-3 space-y-4">
            {indicators.map((indicator) => (
              <IndicatorCard key={indicator.definition.code} indicator={indicator} formatFigure={formatFigure} />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
