import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { FormattedText } from "@/components/agreement/formatted-text";

type Props = { texts: Partial<Record<string, string>>; publishedAt: string };

/**
 * The school's own text on working with parents: its newest published policy
 * version (issue 19), in the reader's language when the school wrote it, else
 * the Dutch marked lang="nl"; its direction follows the text.
 */
export async function ParentPolicy({ texts, publishedAt }: Props) {
  const [t, format, locale] = await Promise.all([getTranslations("schoolProfile"), getFormatter(), getLocale()]);
  const lang = texts[locale] ? locale : "nl";
  const text = texts[lang];
  if (!text) return null;
  return (
    <section aria-labelledby="policy-heading" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="policy-heading" className="text-lg font-semibold">{t("policyHeading")}</h2>
      <div className="mt-2"><FormattedText text={text} lang={lang} headingLevel={3} /></div>
      <p className="mt-2 text-sm text-slate-600">{t("policyPublished", { date: format.dateTime(new Date(publishedAt), "full") })}</p>
    </section>
  );
}
