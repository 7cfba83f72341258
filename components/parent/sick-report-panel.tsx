import { randomUUID } from "node:crypto";
import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { dateFormat } from "@/lib/i18n/fast-format";
import { loadMessages } from "@/lib/i18n/catalogue";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";
import type { AppErrorCode } from "@/lib/errors";
import { NOT_SAVED } from "@/lib/forms/unavailable";
import { changeSickReportAction, reportBetterAction, reportSickAction } from "@/lib/domain/sick-reports/actions";
import { NOTE_MAX, SICK_REPORT_REASONS } from "@/lib/domain/sick-reports/fields";
import { SAVED_DAY, SAVED_FROM, SAVED_TO, dayOf, reportDayFormat, type SickReportTexts } from "@/lib/domain/sick-reports/display";
import type { SickReportPanel as Panel } from "@/lib/domain/sick-reports/queries";
import { SickReportForm } from "@/components/parent/sick-report-form";
import { SickReportsList, type SickReportLine } from "@/components/parent/sick-reports-list";

const APP_ERRORS: AppErrorCode[] = ["forbidden", "notFound", "invalidInput", "conflict"];
/** Marks the phone number inside the translated rule (a private-use character: never in a text). */
const LINK = "\uE001";

/**
 * The parent's sick-report forms with every text translated here, on the
 * server: the browser gets plain strings, not a translation library (the
 * child page's first-load JavaScript, docs/benchmarks.md).
 */
export async function SickReportPanel({ panel, childName }: { panel: Panel; childName: string }) {
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  const [t, tErrors, tAppErrors, messages] = await Promise.all([
    fastTranslations(locale, "sickReport"),
    fastTranslations(locale, "sickReportErrors"),
    fastTranslations(locale, "errors"),
    loadMessages(locale),
  ]);
  const day = reportDayFormat(locale);
  const short = dateFormat(locale, "short");
  const { rules, school } = panel;
  const rulesText = [
    t("ruleDeadline", { time: rules.deadline }),
    t("ruleAhead", { days: rules.maxDaysAhead, date: day.format(dayOf(rules.latestDay)) }),
    t("ruleWeekend"),
  ];
  if (!school.phone) rulesText.push(t("ruleNoPhone", { time: rules.deadline, school: school.name }));
  const phoneParts = school.phone
    ? t("rulePhone", { time: rules.deadline, school: school.name, number: school.phone, phone: (chunks) => `${LINK}${chunks.join("")}${LINK}` }).split(LINK)
    : null;
  const errorKeys = Object.keys((messages.sickReportErrors ?? {}) as Record<string, string>) as Parameters<typeof tErrors>[0][];
  const texts: SickReportTexts = {
    locale,
    currentTitle: t("currentTitle"),
    betterDone: t("betterDone"),
    newReport: t("newReport"),
    anotherReport: t("anotherReport"),
    modeLegend: t("modeLegend"),
    modes: { TODAY: t("modes.TODAY"), UNTIL_BETTER: t("modes.UNTIL_BETTER", { name: childName }), RANGE: t("modes.RANGE") },
    todayClosed: rules.todayIsSchoolDay && rules.todayAllowed ? null : rules.todayIsSchoolDay ? t("todayClosed", { time: rules.deadline }) : t("noSchoolToday"),
    from: t("from"),
    to: t("to"),
    datesHelp: t("datesHelp"),
    reasonLegend: t("reasonLegend"),
    reasons: Object.fromEntries(SICK_REPORT_REASONS.map((reason) => [reason, t(`reasons.${reason}`)])),
    note: t("note"),
    noteHelp: t("noteHelp", { max: NOTE_MAX }),
    rulesTitle: t("rulesTitle"),
    rules: rulesText,
    phoneRule: phoneParts?.length === 3 ? [phoneParts[0], phoneParts[1], phoneParts[2]] : null,
    submit: t("submit"),
    sending: t("sending"),
    savedSeen: t("savedSeen"),
    saved: {
      day: t("savedDay", { name: childName, date: SAVED_DAY }),
      range: t("savedRange", { name: childName, from: SAVED_FROM, to: SAVED_TO }),
      untilBetter: t("savedUntilBetter", { name: childName, from: SAVED_FROM }),
    },
    errors: Object.fromEntries([
      ...errorKeys.map((key) => [`sickReportErrors.${key}`, tErrors(key)]),
      ...APP_ERRORS.map((code) => [`errors.${code}`, tAppErrors(code)]),
      [NOT_SAVED, tAppErrors("notSaved")],
    ]),
    change: {
      summary: t("change.summary"),
      shortenHelp: t("change.shortenHelp", { name: childName }),
      shorten: t("change.shorten"),
      withdrawHelp: t("change.withdrawHelp", { name: childName }),
      withdraw: t("withdraw"),
      fixErrors: t("change.fixErrors"),
      shortened: t("change.shortened"),
      withdrawn: t("change.withdrawn"),
    },
  };
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  const reports: SickReportLine[] = panel.reports.map((report) => ({
    id: report.id,
    reason: t(`reasons.${report.reason}`),
    status: t(`status.${report.status}`),
    period:
      report.endsOn === null
        ? t("period.untilBetter", { from: day.format(report.startsOn) })
        : report.endsOn.getTime() === report.startsOn.getTime()
          ? t("period.day", { date: day.format(report.startsOn) })
          : t("period.range", { from: day.format(report.startsOn), to: day.format(report.endsOn) }),
    note: report.note,
    reportedBy: t("reportedBy", { name: report.reportedBy, date: short.format(report.createdAt) }),
    endLabel:
      report.endsOn !== null
        ? null
        : report.status === "UPCOMING"
          ? t("withdraw")
          : report.reason === "SICK"
            ? t("reportBetter", { name: childName })
            : t("backToSchool", { name: childName }),
    change:
      report.mine && (report.change.withdraw || report.change.shorten) && report.endsOn
        ? {
            withdraw: report.change.withdraw, shorten: report.change.shorten, moveStart: report.change.moveStart,
            from: iso(report.startsOn), to: iso(report.endsOn), minEnd: iso(report.change.earliestEnd ?? report.endsOn),
          }
        : null,
    // The name isolated (FSI…PDI): a Latin name inside an Arabic sentence keeps its place.
    onlyReporter: !report.mine && (report.change.withdraw || report.change.shorten) ? t("change.onlyReporter", { name: `\u2068${report.reportedBy}\u2069` }) : null,
  }));
  return (
    <div className="mt-3 space-y-4">
      <SickReportsList
        reports={reports} pupilId={panel.pupilId} action={reportBetterAction} changeAction={changeSickReportAction}
        texts={{ currentTitle: texts.currentTitle, betterDone: texts.betterDone, errors: texts.errors, from: texts.from, to: texts.to, change: texts.change }}
      />
      <SickReportForm action={reportSickAction} pupilId={panel.pupilId} idempotencyKey={randomUUID()} rules={rules} school={school} texts={texts} />
    </div>
  );
}
