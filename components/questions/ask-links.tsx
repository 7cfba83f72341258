import Link from "next/link";
import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";

/**
 * Under the mentor card on the child page: ask a question or to be called
 * back. Only links: the form and the guardian's questions are on their own
 * page, so the child page keeps its three round trips.
 */
export async function AskMentorLinks({ pupilId, firstName }: { pupilId: string; firstName: string }) {
  const t = await fastTranslations(await getLocale(), "questionAsk");
  const base = `/parent/children/${pupilId}/questions`;
  return (
    <section aria-labelledby="ask-mentor-heading" className="rounded-2xl border border-brand-100 bg-white p-4 sm:p-6">
      <h2 id="ask-mentor-heading" className="text-lg font-semibold">{t("linksTitle")}</h2>
      <p className="mt-1 text-sm text-slate-700">{t("linksIntro", { name: firstName })}</p>
      <ul className="mt-2 space-y-1">
        <li><Link href={`${base}?kind=QUESTION#ask`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{t("askLink")}</Link></li>
        <li><Link href={`${base}?kind=CALL_BACK#ask`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{t("callLink")}</Link></li>
        <li><Link href={base} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{t("mineLink")}</Link></li>
      </ul>
    </section>
  );
}
