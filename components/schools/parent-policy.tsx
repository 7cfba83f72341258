import { getFormatter, getTranslations } from "next-intl/server";

type Props = { text: string; publishedAt: string };

/** The school's own text on working with parents; written by the school, so its direction follows the text. */
export async function ParentPolicy({ text, publishedAt }: Props) {
  const [t, format] = await Promise.all([getTranslations("schoolProfile"), getFormatter()]);
  return (
    <section aria-labelledby="policy-heading" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="policy-heading" className="text-lg font-semibold">{t("policyHeading")}</h2>
      <p className="mt-2 whitespace-pre-line" dir="auto" lang="nl">{text}</p>
      <p className="mt-2 text-sm text-slate-600">{t("policyPublished", { date: format.dateTime(new Date(publishedAt), "full") })}</p>
    </section>
  );
}
