import { getTranslations } from "next-intl/server";
import { MAX_COMPARED } from "@/lib/domain/schools/schemas";

type Props = { notFound: string[]; refused: number };

/** Friendly notes about the address: schools we could not find, and schools beyond the maximum. */
export async function CompareNotices({ notFound, refused }: Props) {
  const t = await getTranslations("schoolCompare");
  if (!notFound.length && !refused) return null;
  return (
    <div className="mt-4 space-y-2">
      {notFound.length ? (
        <div className="rounded-lg border border-warn-700/40 bg-warn-50 p-3">
          <p className="font-medium">{t("notFound", { count: notFound.length })}</p>
          <ul className="mt-1 list-inside list-disc">
            {notFound.map((slug) => (
              <li key={slug} className="break-all">
                <bdi>{slug}</bdi>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {refused ? (
        <p className="rounded-lg border border-slate-300 bg-white p-3">{t("tooMany", { max: MAX_COMPARED, count: refused })}</p>
      ) : null}
    </div>
  );
}
