import type { fastTranslations } from "@/lib/i18n/fast-messages";

type SchoolSystemT = Awaited<ReturnType<typeof fastTranslations<"schoolSystem">>>;

/** What the lines and borders of the diagram mean (the same marks as in the diagram). */
export function SystemLegend({ t }: { t: SchoolSystemT }) {
  const sample = (children: React.ReactNode) => (
    <svg viewBox="0 0 40 20" width="40" height="20" aria-hidden="true" className="shrink-0">{children}</svg>
  );
  return (
    <div className="mt-3">
      <p className="font-semibold">{t("legendTitle")}</p>
      <ul className="mt-1 grid gap-1 text-sm sm:grid-cols-2">
        <li className="flex items-center gap-2">{sample(<path d="M2,10 L38,10" className="stroke-slate-600" strokeWidth={2} />)}{t("legendMain")}</li>
        <li className="flex items-center gap-2">{sample(<path d="M2,10 L38,10" className="stroke-slate-600" strokeWidth={1.5} strokeDasharray="6 4" />)}{t("legendSwitch")}</li>
        <li className="flex items-center gap-2">{sample(<rect x="3" y="3" width="34" height="14" rx="4" className="fill-brand-100 stroke-brand-900" strokeWidth={4} />)}★ {t("legendHere")}</li>
        <li className="flex items-center gap-2">{sample(<rect x="3" y="3" width="34" height="14" rx="4" className="fill-white stroke-brand-700" strokeWidth={2} strokeDasharray="5 3" />)}{t("legendNext")}</li>
      </ul>
    </div>
  );
}
