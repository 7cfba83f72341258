import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { MentorGap } from "@/lib/domain/agreement/queries";

/** On /mentor: the guardians in the mentor's classes who have not answered the school's newest agreement. */
export async function MentorAgreementGaps({ number, rows }: { number: number | null; rows: MentorGap[] }) {
  const t = await getTranslations("agreement");
  return (
    <section aria-labelledby="agreement-gaps-heading" className="rounded-xl border border-slate-200 bg-white p-4" data-testid="agreement-gaps">
      <h2 id="agreement-gaps-heading" className="text-lg font-semibold">{t("mentorTitle")}</h2>
      {number === null ? (
        <p className="text-sm">{t("mentorNone")}</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t("mentorSummary", { count: rows.length, number: String(number) })}</p>
          {rows.length ? (
            <details className="mt-1">
              <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700 underline">{t("mentorShow")}</summary>
              <ul className="mt-1 divide-y divide-slate-100">
                {rows.map((r) => (
                  <li key={`${r.pupilId}-${r.guardianName}`} className="py-1.5">
                    <Link href={`/mentor/pupils/${r.pupilId}`} className="underline">
                      {t("mentorRow", { guardian: r.guardianName, pupil: r.pupilName, className: r.className })}
                    </Link>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      )}
    </section>
  );
}
