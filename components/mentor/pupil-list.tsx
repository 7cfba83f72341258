import { getLocale } from "next-intl/server";
import type { MentorOverview } from "@/lib/domain/contacts/queries";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { dateFormat } from "@/lib/i18n/fast-format";
import { ToneLabel } from "@/components/mentor/tone-badge";

type Row = MentorOverview["rows"][number];

/**
 * The mentor's pupils: one table that becomes a card per pupil below md
 * (`.roster` in app/globals.css). A mentor of four classes has 120 rows, so a
 * row is plain elements with translations made once, and its links are plain
 * links: a list of client-side links would prefetch every pupil's page.
 * Explicit ARIA roles keep the table's meaning when CSS turns it into cards.
 */
export async function PupilList({ rows }: { rows: Row[] }) {
  const locale = await getLocale();
  const [t, tLang, tChannel, tTone, tConf] = await Promise.all([
    fastTranslations(locale, "mentor"), fastTranslations(locale, "languages"), fastTranslations(locale, "channels"), fastTranslations(locale, "tones"),
    fastTranslations(locale, "conferenceSchool"),
  ]);
  const day = dateFormat(locale, "dayMonth");
  const col = { guardians: t("colGuardians"), lastContact: t("colLastContact"), count: t("colCount") };
  const words = { notReached: t("notReached"), concernStreak: t("concernStreak"), interpreter: t("interpreter"), never: t("never"), logContact: t("logContact") };
  return (
    <table role="table" className="roster">
      <caption className="sr-only">{t("tableCaption")}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th role="columnheader" scope="col">{t("colPupil")}</th>
          <th role="columnheader" scope="col">{col.guardians}</th>
          <th role="columnheader" scope="col">{col.lastContact}</th>
          <th role="columnheader" scope="col">{col.count}</th>
          <th role="columnheader" scope="col">{t("colAction")}</th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {rows.map((row) => (
          <tr key={row.id} role="row" className={row.notReached ? "alert" : undefined}>
            <th role="rowheader" scope="row">
              <a href={`/mentor/pupils/${row.id}`}>{row.name}</a> <span>{row.className}</span>
              {row.notReached || row.lastThreeAllConcern ? (
                <span className="flags">
                  {row.notReached ? <span className="flag"><span aria-hidden="true">! </span>{words.notReached}</span> : null}
                  {row.lastThreeAllConcern ? <span className="flag flag-line">{words.concernStreak}</span> : null}
                </span>
              ) : null}
            </th>
            <td role="cell" data-label={col.guardians}>
              <ul>
                {row.guardians.map((g) => (
                  <li key={g.id}>
                    <b>{g.name}</b>{" "}
                    <span>
                      ({tLang.has(g.locale) ? tLang(g.locale) : g.locale}, {tChannel(g.channel)}
                      {g.interpreterWanted ? <strong>, {words.interpreter}</strong> : null})
                    </span>
                  </li>
                ))}
              </ul>
            </td>
            <td role="cell" data-label={col.lastContact}>
              {row.last ? (
                <span className="last">
                  <span>{day.format(row.last.occurredOn)}</span>
                  <ToneLabel tone={row.last.tone} label={tTone(row.last.tone)} />
                  <span>{t("daysAgo", { days: row.daysSinceLast ?? 0 })}</span>
                </span>
              ) : (
                <span className="never">{words.never}</span>
              )}
              {/* A conference the family did not come to: an attempt, not a contact (decision 0028). */}
              {row.lastAttempt ? <span className="attempt block text-sm">{tConf("attemptNoShow", { date: day.format(row.lastAttempt) })}</span> : null}
            </td>
            <td role="cell" data-label={col.count}>{t("contactCount", { count: row.countThisYear })}</td>
            <td role="cell">
              <a href={`/mentor/pupils/${row.id}?log=1&from=list#contact-form`} aria-label={t("logContactFor", { name: row.name })} className="act">
                {words.logContact}
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
