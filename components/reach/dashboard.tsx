import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/types";
import { reachFilterOptions, reachTables, schoolReach } from "@/lib/domain/reach/queries";
import { share, type ReachQuery } from "@/lib/domain/reach/filter";
import { isRightToLeft } from "@/lib/i18n/bidi";
import { MonthChart } from "@/components/reach/month-chart";
import { ReachTable, percentOf } from "@/components/reach/reach-table";

/** A "YYYY-MM-DD" day as UTC midnight. */
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const card = "rounded-2xl border border-slate-200 bg-white p-4 sm:p-6";
const th = "px-3 py-2 text-start font-medium";
const td = "px-3 py-2";
/** The weeks of absence alerts shown (newest last). */
const ALERT_WEEKS = 10;

/**
 * The reach dashboard on /leader (issue 19 part 1): the leader's own school,
 * this school year. Three statements in parallel (school figures, the class
 * and mentor tables, the filter's options); no names — those are on the
 * class pages, which audit every family they show.
 */
export async function ReachDashboard({ actor, query, now }: { actor: Actor; query: ReachQuery; now: Date }) {
  const [school, tables, options, t, tTracks, tLanguages, format, percent, locale] = await Promise.all([
    schoolReach(actor, now), reachTables(actor, query, now), reachFilterOptions(actor, now),
    getTranslations("reach"), getTranslations("tracks"), getTranslations("languages"), getFormatter(), percentOf(), getLocale(),
  ]);
  const integer = (n: number) => format.number(n, "integer");
  const weeks = school.thresholdWeeks;
  const f = school.families;
  // Under a minute and a half in seconds, else in whole minutes.
  const minutes = (seconds: number | null) => (seconds === null ? t("noFigure")
    : seconds < 90 ? t("alerts.seconds", { seconds: integer(Math.round(seconds)) }) : t("alerts.minutes", { minutes: integer(Math.round(seconds / 60)) }));
  const monthLabel = (month: string) => format.dateTime(day(`${month}-01`), { month: "short", numberingSystem: "latn" });
  const trackLabel = (track: string) => (tTracks.has(track) ? tTracks(track) : track);
  const figures: [string, string][] = [
    [t("summary.families"), integer(f.families)],
    [t("summary.reached", { weeks }), percent(share(f.reached, f.families))],
    [t("summary.positive"), percent(share(school.moments.positive, school.moments.moments))],
    [t("summary.never"), integer(f.never)],
    [t("summary.onlyProblems"), integer(f.onlyProblems)],
  ];
  const alerts = school.alerts.slice(-ALERT_WEEKS);
  const confRows = tables.classes.filter((c) => c.came + c.noShow > 0);
  return (
    <section aria-labelledby="reach-heading" className="mt-8 space-y-8">
      <div>
        <h2 id="reach-heading" className="text-xl font-semibold">{t("title")}</h2>
        <p className="mt-1 max-w-prose text-slate-700">{t("intro", { weeks })}</p>
        <dl aria-label={t("summary.label")} className="mt-4 grid grid-cols-1 gap-3 min-[420px]:grid-cols-2 lg:grid-cols-5">
          {figures.map(([label, value]) => (
            <div key={label} className={card}>
              <dt className="text-sm text-slate-700">{label}</dt>
              <dd className="mt-1 text-2xl font-semibold">{value}</dd>
            </div>
          ))}
        </dl>
      </div>

      <div id="reach-tables">
        <form method="get" action="/leader#reach-tables" aria-label={t("filter.label")} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="sort" value={query.sort} />
          <input type="hidden" name="dir" value={query.dir} />
          <div>
            <label htmlFor="reach-year" className="block text-sm font-medium">{t("filter.year")}</label>
            <select id="reach-year" name="year" defaultValue={query.year ?? ""} className="mt-1 block min-h-11 rounded-lg border border-slate-400 bg-white px-2">
              <option value="">{t("filter.all")}</option>
              {options.years.map((y) => <option key={y} value={y}>{t("filter.yearOption", { year: integer(y) })}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="reach-track" className="block text-sm font-medium">{t("filter.track")}</label>
            <select id="reach-track" name="track" defaultValue={query.track ?? ""} className="mt-1 block min-h-11 rounded-lg border border-slate-400 bg-white px-2">
              <option value="">{t("filter.all")}</option>
              {options.tracks.map((tr) => <option key={tr} value={tr}>{trackLabel(tr)}</option>)}
            </select>
          </div>
          <button type="submit" className="min-h-11 rounded-lg bg-slate-800 px-4 font-medium text-white hover:bg-slate-900">{t("filter.apply")}</button>
        </form>
        <p className="mt-2 text-sm text-slate-700">{t("table.sortHint")}</p>
        <ReachTable
          id="reach-classes" caption={t("table.byClass")} nameLabel={t("table.class")} detailLabel={t("table.mentors")} query={query}
          rows={tables.classes.map((c) => ({ ...c, detail: c.mentors, href: `/leader/reach/classes/${c.id}` }))}
        />
        <ReachTable
          id="reach-mentors" caption={t("table.byMentor")} nameLabel={t("table.mentor")} detailLabel={t("table.classes")} query={query}
          rows={tables.mentors.map((m) => ({ ...m, detail: m.classes }))}
        />
      </div>

      <section aria-labelledby="reach-trend" className={card}>
        <h3 id="reach-trend" className="text-lg font-semibold">{t("trend.title")}</h3>
        <p className="mt-1 text-slate-700">{t("trend.intro")}</p>
        <div className="mt-3">
          <MonthChart
            label={t("trend.chartLabel")} rtl={isRightToLeft(locale)}
            bars={school.trend.map((m) => ({ key: m.month, label: monthLabel(m.month), share: share(m.families, f.families) }))}
          />
        </div>
        <details className="mt-3">
          <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700 underline">{t("trend.showTable")}</summary>
          <div role="region" aria-labelledby="reach-trend-caption" tabIndex={0} className="overflow-x-auto">
            <table className="w-full min-w-[28rem] border-collapse text-sm">
              <caption id="reach-trend-caption" className="p-2 text-start font-semibold">{t("trend.title")}</caption>
              <thead>
                <tr className="border-b border-slate-300 text-slate-600">
                  <th scope="col" className={th}>{t("trend.month")}</th><th scope="col" className={th}>{t("trend.families")}</th>
                  <th scope="col" className={th}>{t("trend.share")}</th><th scope="col" className={th}>{t("trend.moments")}</th>
                  <th scope="col" className={th}>{t("trend.positive")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {school.trend.map((m) => (
                  <tr key={m.month}>
                    <th scope="row" className={`${th} font-normal`}>{format.dateTime(day(`${m.month}-01`), { month: "long", year: "numeric", numberingSystem: "latn" })}</th>
                    <td className={td}>{integer(m.families)}</td><td className={td}>{percent(share(m.families, f.families))}</td>
                    <td className={td}>{integer(m.moments)}</td><td className={td}>{percent(share(m.positive, m.moments))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>

      <section aria-labelledby="reach-missed" className={card}>
        <h3 id="reach-missed" className="text-lg font-semibold">{t("missed.title")}</h3>
        {f.never === 0 ? <p className="mt-1">{t("missed.none")}</p> : (
          <>
            <p className="mt-1 max-w-prose text-slate-700">{t("missed.intro", { count: integer(f.never) })}</p>
            <div className="mt-3 grid gap-4 md:grid-cols-3">
              <CountTable caption={t("missed.language")} label={t("missed.families")} note={t("missed.languageNote")}
                rows={school.missed.languages.map((r) => [tLanguages.has(r.key) ? tLanguages(r.key) : r.key, integer(r.families)])} />
              <CountTable caption={t("missed.channel")} label={t("missed.families")}
                rows={school.missed.channels.map((r) => [t(`missed.channels.${r.key as "EMAIL" | "SMS" | "PORTAL"}`), integer(r.families)])} />
              <CountTable caption={t("missed.portal")} label={t("missed.families")}
                rows={(["used", "unused", "none"] as const).map((k) => [t(`missed.portalKinds.${k}`), integer(school.missed.portal[k])])} />
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="reach-alerts" className={card}>
        <h3 id="reach-alerts" className="text-lg font-semibold">{t("alerts.title")}</h3>
        {alerts.length === 0 ? <p className="mt-1">{t("alerts.notInUse")}</p> : (
          <>
            <p className="mt-1 text-slate-700">{t("alerts.intro", { median: minutes(school.alertMedianSeconds) })}</p>
            <div role="region" aria-labelledby="reach-alerts-caption" tabIndex={0} className="mt-2 overflow-x-auto">
              <table className="w-full min-w-[28rem] border-collapse text-sm">
                <caption id="reach-alerts-caption" className="p-2 text-start font-semibold">{t("alerts.title")}</caption>
                <thead>
                  <tr className="border-b border-slate-300 text-slate-600">
                    <th scope="col" className={th}>{t("alerts.week")}</th><th scope="col" className={th}>{t("alerts.sent")}</th>
                    <th scope="col" className={th}>{t("alerts.delivered")}</th><th scope="col" className={th}>{t("alerts.failed")}</th>
                    <th scope="col" className={th}>{t("alerts.median")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {alerts.map((w) => (
                    <tr key={w.week}>
                      <th scope="row" className={`${th} font-normal`}>{format.dateTime(day(w.week), "dayMonth")}</th>
                      <td className={td}>{integer(w.sent)}</td><td className={td}>{integer(w.delivered)}</td>
                      <td className={td}>{integer(w.failed)}</td><td className={td}>{minutes(w.medianSeconds)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="reach-conferences" className={card}>
        <h3 id="reach-conferences" className="text-lg font-semibold">{t("conferences.title")}</h3>
        {school.conferences === null ? <p className="mt-1">{t("conferences.notInUse")}</p> : (
          <>
            <p className="mt-1 text-slate-700">{t("conferences.intro")}</p>
            <div role="region" aria-labelledby="reach-conferences-caption" tabIndex={0} className="mt-2 overflow-x-auto">
              <table className="w-full min-w-[24rem] border-collapse text-sm">
                <caption id="reach-conferences-caption" className="p-2 text-start font-semibold">{t("conferences.title")}</caption>
                <thead>
                  <tr className="border-b border-slate-300 text-slate-600">
                    <th scope="col" className={th}>{t("table.class")}</th><th scope="col" className={th}>{t("conferences.came")}</th>
                    <th scope="col" className={th}>{t("conferences.noShow")}</th><th scope="col" className={th}>{t("conferences.followedUp")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {confRows.map((c) => (
                    <tr key={c.id}>
                      <th scope="row" className={`${th} font-normal`} dir="auto">{c.name}</th>
                      <td className={td}>{integer(c.came)}</td><td className={td}>{integer(c.noShow)}</td><td className={td}>{integer(c.followedUp)}</td>
                    </tr>
                  ))}
                  <tr className="font-semibold">
                    <th scope="row" className={th}>{t("conferences.total")}</th>
                    <td className={td}>{integer(school.conferences.came)}</td><td className={td}>{integer(school.conferences.noShow)}</td>
                    <td className={td}>{integer(school.conferences.followedUp)}</td>
                  </tr>
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </section>
  );
}

function CountTable({ caption, label, rows, note }: { caption: string; label: string; rows: [string, string][]; note?: string }) {
  return (
    <div>
      <table className="w-full border-collapse text-sm">
        <caption className="pb-1 text-start font-semibold">{caption}</caption>
        <thead className="sr-only"><tr><th scope="col">{caption}</th><th scope="col">{label}</th></tr></thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map(([k, v]) => (
            <tr key={k}><th scope="row" className="py-1 pe-3 text-start font-normal">{k}</th><td className="py-1 text-end font-medium">{v}</td></tr>
          ))}
        </tbody>
      </table>
      {note ? <p className="mt-1 text-xs text-slate-600">{note}</p> : null}
    </div>
  );
}
