import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { getRetention } from "@/lib/domain/retention/queries";
import { updateRetentionAction } from "@/lib/domain/retention/actions";
import { COUNT_KINDS, TERM_OF } from "@/lib/domain/retention/store";
import { SchoolHeader } from "@/components/admin/school-nav";
import { RetentionForm } from "@/components/admin/retention-form";
import { retentionFormMessages } from "@/components/admin/messages";

type Props = { params: Promise<{ schoolId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("retentionAdmin"))("title") };
}

const card = "rounded-xl border border-slate-200 bg-white p-4";
export default async function RetentionPage({ params }: Props) {
  const { schoolId } = await params;
  const actor = await requirePermission("schools:manage", `/admin/schools/${schoolId}/retention`, { route: "/admin/schools/[schoolId]/retention", category: "retention" });
  const overview = await getRetention(actor, schoolId);
  const [t, format, messages] = await Promise.all([getTranslations("retentionAdmin"), getFormatter(), getMessages()]);
  const day = (d: Date) => format.dateTime(d, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC", numberingSystem: "latn" });
  const initial = Object.fromEntries(Object.entries(overview.settings).map(([k, v]) => [k, String(v)])) as Record<keyof typeof overview.settings, string>;
  return (
    <>
      <SchoolHeader schoolId={overview.school.id} name={overview.school.name} current="retention" title={t("title")} />
      <p className="mt-4 max-w-prose text-slate-700">{t("intro")}</p>

      <section aria-labelledby="terms-heading" className={`mt-6 ${card}`}>
        <h2 id="terms-heading" className="mb-3 text-xl font-semibold">{t("settingsTitle")}</h2>
        <NextIntlClientProvider messages={retentionFormMessages(messages)}>
          <RetentionForm action={updateRetentionAction} schoolId={overview.school.id} initial={initial} />
        </NextIntlClientProvider>
      </section>

      <section aria-labelledby="preview-heading" className={`mt-6 ${card}`}>
        <h2 id="preview-heading" className="text-xl font-semibold">{t("previewTitle")}</h2>
        <p className="mt-1 max-w-prose text-sm text-slate-700">{t("previewIntro")}</p>
        <p className="mt-2 font-medium">{t("previewPupils", { count: overview.preview.pupils })}</p>
        <table className="mt-3 w-full text-sm">
          <caption className="sr-only">{t("previewTitle")}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-start text-slate-600">
              <th scope="col" className="py-1 pe-2 text-start font-medium">{t("kind")}</th>
              <th scope="col" className="py-1 pe-2 text-end font-medium">{t("rows")}</th>
              <th scope="col" className="py-1 text-start font-medium max-sm:sr-only">{t("applies")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {COUNT_KINDS.map((kind) => {
              const term = TERM_OF[kind];
              return (
                <tr key={kind}>
                  <th scope="row" className="py-2 pe-2 text-start font-normal">
                    {t(`kinds.${kind}`)}
                    <span className="block text-xs text-slate-600 sm:hidden">
                      {term === "audit" ? t("cutoffAudit", { date: day(overview.cutoffs.audit) }) : t("cutoffLeft", { date: day(overview.cutoffs[term]) })}
                    </span>
                  </th>
                  <td className="py-2 pe-2 text-end tabular-nums">{format.number(overview.preview[kind], { numberingSystem: "latn" })}</td>
                  <td className="py-2 text-slate-700 max-sm:hidden">
                    {term === "audit" ? t("cutoffAudit", { date: day(overview.cutoffs.audit) }) : t("cutoffLeft", { date: day(overview.cutoffs[term]) })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="runs-heading" className="mt-6">
        <h2 id="runs-heading" className="text-xl font-semibold">{t("runsTitle")}</h2>
        {overview.runs.length ? (
          <ul className="mt-2 space-y-1">
            {overview.runs.map((run) => (
              <li key={run.id}>{t("runItem", { date: format.dateTime(run.ranAt, { dateStyle: "long", timeStyle: "short", numberingSystem: "latn" }), count: COUNT_KINDS.reduce((n, k) => n + (run.removed[k] ?? 0), 0) })}</li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-700">{t("runsNone")}</p>
        )}
      </section>
    </>
  );
}
