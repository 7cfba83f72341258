import { isTrackWord } from "@/lib/domain/school-words/explained";
import { schoolWordsFor } from "@/components/school-words/words";

type Props = { locale: string; levels: { value: string; name: string }[] };

/** What the school types a school offers mean (vmbo kader, havo, …), one tap away under the list. No client JavaScript. */
export async function TrackExplanations({ locale, levels }: Props) {
  const known = levels.filter((level) => isTrackWord(level.value));
  if (!known.length) return null;
  const t = await schoolWordsFor(locale);
  return (
    <details className="mt-1 text-sm">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700 underline">{t("tracksHeading")}</summary>
      <dl className="mb-2 max-w-prose space-y-2 rounded-lg border border-brand-100 bg-brand-50 p-3">
        {known.map((level) => (
          <div key={level.value}>
            <dt className="font-semibold">{level.name}</dt>
            <dd>{t(`tracks.${level.value}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
