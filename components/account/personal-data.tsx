import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { PersonalData } from "@/lib/domain/data-access/shape";

// The readable side of the right of access: the same document the JSON file
// holds, in the reader's language. Wide tables scroll inside their own region
// on a phone (focusable, so a keyboard can scroll them too).

function Table({ label, head, rows }: { label: string; head: string[]; rows: ReactNode[][] }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr className="border-b border-slate-200">
            {head.map((h) => <th key={h} scope="col" className="px-2 py-1 text-start font-medium text-slate-600">{h}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((cells, i) => (
            <tr key={i}>{cells.map((c, j) => <td key={j} dir="auto" className="px-2 py-1 align-top">{c}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
      {items.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-medium text-slate-600">{k}</dt>
          <dd className="break-words">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export async function PersonalDataView({ data }: { data: PersonalData }) {
  const [t, tRoles, tLang, tAbs, tKinds, tTones, tInit, tSick, tAlerts, format] = await Promise.all([
    getTranslations("dataAccess"), getTranslations("roles"), getTranslations("languages"), getTranslations("absenceKinds"), getTranslations("contactKinds"),
    getTranslations("tones"), getTranslations("initiators"), getTranslations("sickReport.reasons"), getTranslations("alertSettings"), getFormatter(),
  ]);
  const tEvents = await getTranslations("events");
  const day = (iso: string | null) => (iso ? format.dateTime(new Date(`${iso.slice(0, 10)}T12:00:00Z`), { day: "numeric", month: "short", year: "numeric", numberingSystem: "latn" }) : "–");
  const moment = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", numberingSystem: "latn" }) : t("never"));
  const yesNo = (b: boolean) => (b ? t("yes") : t("no"));
  const ltr = (text: string | null) => (text ? <bdi dir="ltr">{text}</bdi> : "–");
  const section = "rounded-xl border border-slate-200 bg-white p-4";
  const { you } = data;
  return (
    <>
      <section aria-labelledby="you-heading" className={section}>
        <h2 id="you-heading" className="text-xl font-semibold">{t("you")}</h2>
        <Facts items={[
          [t("name"), you.name],
          [t("email"), ltr(you.email)],
          [t("language"), tLang.has(you.language) ? tLang(you.language) : you.language],
          [t("roles"), you.roles.map((r) => (r.school ? `${tRoles(r.role)} · ${r.school}` : tRoles(r.role))).join(", ")],
          [t("accountCreated"), moment(you.accountCreatedAt)],
          [t("lastSignIn"), moment(you.lastSignInAt)],
          [t("passwordChanged"), moment(you.passwordChangedAt)],
          [t("twoStep"), yesNo(you.twoStepSignIn)],
          ...(you.contact
            ? ([
                [t("phone"), ltr(you.contact.phone)],
                [t("alerts"), `${tAlerts(`channels.${you.contact.absenceAlerts.channel}`)} · ${tAlerts(`timings.${you.contact.absenceAlerts.timing}`)}`],
                [t("interpreter"), yesNo(you.contact.interpreterWanted)],
              ] as [string, ReactNode][])
            : []),
        ]} />
      </section>

      {data.pupils.map((p) => (
        <section key={p.id} aria-labelledby={`pupil-${p.id}`} className={section}>
          <h2 id={`pupil-${p.id}`} className="text-xl font-semibold">{p.name}</h2>
          <Facts items={[
            [t("birthDate"), day(p.birthDate)],
            [t("pupilNumber"), ltr(p.pupilNumber)],
            [t("schoolClass"), `${p.school} · ${p.class.name}`],
            ...(p.leftOn ? ([[t("leftOn"), day(p.leftOn)]] as [string, ReactNode][]) : []),
          ]} />
          <h3 className="mt-4 font-semibold">{t("links")}</h3>
          <Table label={`${t("links")} — ${p.name}`} head={[t("linkGuardian"), t("relationship"), t("authority"), t("household"), t("informationGranted"), t("consentGranted"), t("consentWithdrawn")]}
            rows={p.guardianLinks.map((l) => [l.guardian, t(`relationships.${l.relationship}`), yesNo(l.parentalAuthority), l.household ?? "–", day(l.informationGrantedAt), day(l.consentGrantedAt), day(l.consentWithdrawnAt)])} />
          <h3 className="mt-4 font-semibold">{t("results")}</h3>
          {p.results.length ? (
            <Table label={`${t("results")} — ${p.name}`} head={[t("subject"), t("assessment"), t("heldOn"), t("weight"), t("grade")]}
              rows={p.results.map((r) => [r.subject, r.assessment, day(r.heldOn), `${r.weight}×`, r.grade === null ? (r.text ?? "–") : format.number(Number(r.grade), { minimumFractionDigits: 1, maximumFractionDigits: 1, numberingSystem: "latn" })])} />
          ) : <p className="mt-1 text-slate-700">{t("none")}</p>}
          <h3 className="mt-4 font-semibold">{t("absences")}</h3>
          {p.absences.length ? (
            <Table label={`${t("absences")} — ${p.name}`}
              head={[t("date"), t("lesson"), t("kind"), t("minutes"), t("reason"), ...(p.absences.some((a) => "pupilReason" in a) ? [t("pupilReason")] : []), t("reportedBy")]}
              rows={p.absences.map((a) => [
                day(a.date), a.lessonHour ?? "–", tAbs(a.kind), a.minutes, a.reason ?? "–",
                ...("pupilReason" in a ? [a.pupilReason ?? "–"] : []), t(`reporters.${a.reportedBy}`),
              ])} />
          ) : <p className="mt-1 text-slate-700">{t("none")}</p>}
          {p.sickReports.length ? (
            <>
              <h3 className="mt-4 font-semibold">{t("sickReports")}</h3>
              <Table label={`${t("sickReports")} — ${p.name}`} head={[t("from"), t("until"), t("reason"), t("note")]}
                rows={p.sickReports.map((s) => [day(s.from), s.until ? day(s.until) : t("untilBetter"), tSick(s.reason), s.note ?? "–"])} />
            </>
          ) : null}
          <h3 className="mt-4 font-semibold">{t("contacts")}</h3>
          {p.contactMoments.length ? (
            <Table label={`${t("contacts")} — ${p.name}`} head={[t("date"), t("contactKind"), t("initiatedBy"), t("tone"), t("summary"), t("staff")]}
              rows={p.contactMoments.map((c) => [day(c.date), tKinds(c.kind), tInit(c.initiatedBy), tTones(c.tone), c.summary, c.staff])} />
          ) : <p className="mt-1 text-slate-700">{t("none")}</p>}
          {p.eventReplies.length ? (
            <>
              <h3 className="mt-4 font-semibold">{tEvents("dataTitle")}</h3>
              <Table label={`${tEvents("dataTitle")} — ${p.name}`} head={[tEvents("dataEvent"), tEvents("dataStarts"), tEvents("dataAnswer")]}
                rows={p.eventReplies.map((r) => [r.event, moment(r.startsAt), r.answer === "COMING" ? tEvents("coming") : tEvents("notComing")])} />
            </>
          ) : null}
        </section>
      ))}

      <section aria-labelledby="messages-heading" className={section}>
        <h2 id="messages-heading" className="text-xl font-semibold">{t("messages")}</h2>
        {data.messages.length ? (
          <Table label={t("messages")} head={[t("sentAt"), t("channel"), t("subjectLine"), t("status")]}
            rows={data.messages.map((m) => [moment(m.sentAt ?? m.queuedAt), t(`messageChannels.${m.channel}`), m.subject ?? "–", t(`statuses.${m.status}`)])} />
        ) : <p className="mt-1 text-slate-700">{t("none")}</p>}
      </section>
    </>
  );
}
