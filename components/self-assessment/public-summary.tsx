import { getFormatter, getTranslations } from "next-intl/server";
import type { PublicSelfAssessment } from "@/lib/domain/schools/queries";

/** The school's published self-assessment on its public profile: level and the school's one sentence per domain. */
export async function PublicSelfAssessmentSummary({ summary }: { summary: PublicSelfAssessment }) {
  const [t, format] = await Promise.all([getTranslations("selfAssessment"), getFormatter()]);
  return (
    <section aria-labelledby="involvement-heading" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="involvement-heading" className="text-lg font-semibold">{t("public.heading")}</h2>
      <p className="mt-1 text-sm text-slate-700">{t("public.intro")}</p>
      <dl className="mt-3 space-y-3">
        {summary.domains.map((d) => (
          <div key={d.domain}>
            <dt className="font-medium">{t(`domains.${d.domain}.name`)}</dt>
            <dd>
              <span className="block text-brand-900">{t("public.level", { level: d.level, name: t(`levels.${d.level as 1}`) })}</span>
              <span className="block" dir="auto" lang="nl">{d.sentence}</span>
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-slate-600">{t("public.published", { year: summary.schoolYear, date: format.dateTime(new Date(summary.publishedAt), "full") })}</p>
    </section>
  );
}
