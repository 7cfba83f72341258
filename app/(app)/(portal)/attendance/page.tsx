import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getThresholdList } from "@/lib/domain/attendance/threshold-queries";
import { updateThresholdCaseAction } from "@/lib/domain/attendance/threshold-actions";
import { ThresholdList } from "@/components/attendance/threshold-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("attendance"))("title"), robots: { index: false } };
}

const iso = (day: Date) => day.toISOString().slice(0, 10);
const link = "inline-flex min-h-11 items-center rounded-lg border border-brand-600 bg-white px-4 font-medium text-brand-700 hover:bg-brand-50";

/** The 16-hour list for the attendance officer (who keeps the status) and the school leader (who reads it). 4 queries. */
export default async function AttendancePage() {
  const actor = await requirePermission("attendance:view", "/attendance", { route: "/attendance", category: "attendance" });
  const [t, format, messages, list] = await Promise.all([getTranslations("attendance"), getFormatter(), getMessages(), getThresholdList(actor)]);
  const canUpdate = can(actor, "threshold:update") && list.year !== null;
  const linkPupils = can(actor, "absence:record");
  const form = canUpdate && list.year ? { action: updateThresholdCaseAction, today: iso(list.today), yearStart: iso(list.year.startsOn) } : null;
  const attendance = messages.attendance as Record<string, unknown>;
  const clientMessages = { attendance: { form: attendance.form, status: attendance.status }, thresholdErrors: messages.thresholdErrors, errors: messages.errors };
  const holidayName = (name: string) => (t.has(`holidays.${name}`) ? t(`holidays.${name}`) : name);

  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 max-w-prose text-slate-700">{t("intro")}</p>
      <nav aria-label={t("linksLabel")} className="mt-3 flex flex-wrap gap-2">
        {linkPupils ? <Link href="/attendance/pupils" className={link}>{t("registerAbsence")}</Link> : null}
        <Link href="/attendance/messages" className={link}>{t("messages")}</Link>
      </nav>

      <section aria-labelledby="rule-heading" className="mt-6 max-w-prose rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="rule-heading" className="text-lg font-semibold">{t("ruleTitle")}</h2>
        <ul className="mt-2 list-disc space-y-1 ps-5">
          <li>{t("ruleHours")}</li>
          <li>{t("ruleWeeks")}</li>
          <li>{t("ruleCounts")}</li>
          <li>{t("ruleNear")}</li>
        </ul>
        {list.year ? <p className="mt-2 text-sm text-slate-600">{t("ruleYear", { year: list.year.name, today: format.dateTime(list.today, "full") })}</p> : null}
        <h3 className="mt-3 font-semibold">{t("holidaysTitle")}</h3>
        {list.holidays.length ? (
          <ul className="mt-1 space-y-0.5 text-sm">
            {list.holidays.map((h) => (
              <li key={`${h.name}-${iso(h.startsOn)}`}>
                {t("holidayRange", { name: holidayName(h.name), from: format.dateTime(h.startsOn, "dayMonth"), to: format.dateTime(h.endsOn, "dayMonth") })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-sm">{t("holidaysNone")}</p>
        )}
      </section>

      {list.year ? null : <p role="status" className="mt-6 rounded-lg bg-warn-50 p-3 text-warn-700">{t("noSchoolYear")}</p>}
      {list.year && !canUpdate ? <p className="mt-6 text-sm text-slate-700">{t("readOnly")}</p> : null}

      <NextIntlClientProvider messages={clientMessages}>
        <section aria-labelledby="over-heading" className="mt-6">
          <h2 id="over-heading" className="text-xl font-semibold">{t("overTitle", { count: format.number(list.over.length, "integer") })}</h2>
          <p className="mb-3 text-sm text-slate-700">{t("overIntro")}</p>
          {list.over.length ? <ThresholdList rows={list.over} form={form} linkPupils={linkPupils} /> : <p className="rounded-lg border border-slate-200 bg-white p-4">{t("overNone")}</p>}
        </section>
        <section aria-labelledby="near-heading" className="mt-8">
          <h2 id="near-heading" className="text-xl font-semibold">{t("nearTitle", { count: format.number(list.near.length, "integer") })}</h2>
          <p className="mb-3 text-sm text-slate-700">{t("nearIntro")}</p>
          {list.near.length ? <ThresholdList rows={list.near} form={form} linkPupils={linkPupils} /> : <p className="rounded-lg border border-slate-200 bg-white p-4">{t("nearNone")}</p>}
        </section>
      </NextIntlClientProvider>
    </>
  );
}
