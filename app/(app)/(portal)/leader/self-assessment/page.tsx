import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { getSelfAssessmentPage } from "@/lib/domain/self-assessment/queries";
import { publishSelfAssessmentAction, saveSelfAssessmentAction } from "@/lib/domain/self-assessment/actions";
import { DOMAINS, type Domain } from "@/lib/domain/self-assessment/model";
import { DomainEvidence } from "@/components/self-assessment/evidence";
import { PublishForm, SelfAssessmentForm } from "@/components/self-assessment/self-assessment-form";
import { SelfAssessmentHistory } from "@/components/self-assessment/history";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("selfAssessment"))("metaTitle"), robots: { index: false } };
}

/** The involvement self-assessment (issue 19 part 4, decision 0038): the leader's own school, this school year. */
export default async function LeaderSelfAssessmentPage() {
  const actor = await requirePermission("selfAssessment:manage", "/leader/self-assessment", { route: "/leader/self-assessment", category: "school" });
  const page = await getSelfAssessmentPage(actor, new Date());
  const [t, tCommon, format, messages] = await Promise.all([getTranslations("selfAssessment"), getTranslations("common"), getFormatter(), getMessages()]);
  // The client forms need the model's texts, the form's labels and the generic errors.
  const clientMessages = { selfAssessment: messages.selfAssessment, errors: messages.errors };
  const previous = page.history[0];
  const lastYear: Partial<Record<Domain, string>> = {};
  const evidence: Partial<Record<Domain, ReactNode>> = {};
  for (const domain of DOMAINS) {
    const level = previous?.scores.find((s) => s.domain === domain)?.level;
    if (level) lastYear[domain] = t("changeThisYear", { change: t("levelOption", { level, name: t(`levels.${level as 1}`) }) });
    evidence[domain] = <DomainEvidence domain={domain} evidence={page.evidence} />;
  }
  const { current } = page;
  const status = (
    <p className="text-slate-700">
      {current.publishedAt ? t("publishedOn", { date: format.dateTime(new Date(current.publishedAt), "full") }) : t("notPublished")}
      {page.unpublishedChanges && current.publishedAt ? <> {t("unpublishedChanges")}</> : null}
    </p>
  );
  return (
    <>
      <Link href="/leader" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {tCommon("backToOverview")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 font-medium">{t("schoolYear", { year: current.schoolYear })}</p>
      <p className="mt-2 max-w-prose text-slate-700">{t("intro")}</p>
      <p className="mt-2 max-w-prose text-sm text-slate-600">{t("source")}</p>
      <NextIntlClientProvider messages={clientMessages}>
      <SelfAssessmentForm
        action={saveSelfAssessmentAction}
        scores={current.scores.map(({ domain, level, note, sentence }) => ({ domain, level, note, sentence }))}
        evidence={evidence}
        lastYear={lastYear}
      />
      </NextIntlClientProvider>
      <section aria-labelledby="publish-heading" className="mt-10 rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="publish-heading" className="text-xl font-semibold">{t("publishHeading")}</h2>
        <p className="mt-1 max-w-prose text-slate-700">{t("publishHelp")}</p>
        <div className="mt-3">
          <NextIntlClientProvider messages={clientMessages}>
            <PublishForm action={publishSelfAssessmentAction} status={status} />
          </NextIntlClientProvider>
        </div>
      </section>
      <SelfAssessmentHistory years={page.history} />
    </>
  );
}
