import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { MentorOverview } from "@/lib/domain/contacts/queries";
import { ToneBadge } from "@/components/mentor/tone-badge";

type Row = MentorOverview["rows"][number];

async function Signals({ row }: { row: Row }) {
  const t = await getTranslations("mentor");
  return (
    <span className="flex flex-wrap gap-1">
      {row.notReached ? (
        <span className="rounded-full bg-warn-700 px-2 py-0.5 text-xs font-semibold text-white">
          <span aria-hidden="true">! </span>
          {t("notReached")}
        </span>
      ) : null}
      {row.lastThreeAllConcern ? <span className="rounded-full border border-warn-700 px-2 py-0.5 text-xs font-semibold text-warn-700">{t("concernStreak")}</span> : null}
    </span>
  );
}

async function Guardians({ row }: { row: Row }) {
  const [t, tLang, tChannel] = await Promise.all([getTranslations("mentor"), getTranslations("languages"), getTranslations("channels")]);
  return (
    <ul className="space-y-0.5">
      {row.guardians.map((g) => (
        <li key={g.id} className="text-sm">
          <span className="font-medium">{g.name}</span>{" "}
          <span className="text-slate-600">
            ({tLang(g.locale)}, {tChannel(g.channel)}
            {g.interpreterWanted ? <strong className="text-warn-700">, {t("interpreter")}</strong> : null})
          </span>
        </li>
      ))}
    </ul>
  );
}

async function LastContact({ row }: { row: Row }) {
  const [t, format] = await Promise.all([getTranslations("mentor"), getFormatter()]);
  if (!row.last) return <span className="text-sm text-slate-600">{t("never")}</span>;
  return (
    <span className="flex flex-wrap items-center gap-1 text-sm">
      <span>{format.dateTime(row.last.occurredOn, "dayMonth")}</span>
      <ToneBadge tone={row.last.tone} />
      <span className="text-slate-600">{t("daysAgo", { days: row.daysSinceLast ?? 0 })}</span>
    </span>
  );
}

export async function PupilList({ rows }: { rows: Row[] }) {
  const t = await getTranslations("mentor");
  const logHref = (id: string) => `/mentor/pupils/${id}?log=1&from=list#contact-form`;
  const logLink = (row: Row) => (
    <Link href={logHref(row.id)} aria-label={t("logContactFor", { name: row.name })} className="inline-flex min-h-11 items-center whitespace-nowrap rounded-lg bg-brand-600 px-3 text-sm font-semibold text-white hover:bg-brand-700">
      {t("logContact")}
    </Link>
  );
  return (
    <>
      <table className="hidden w-full border-collapse text-start md:table">
        <caption className="sr-only">{t("tableCaption")}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-sm text-slate-600">
            <th scope="col" className="py-2 pe-3 text-start font-medium">{t("colPupil")}</th>
            <th scope="col" className="py-2 pe-3 text-start font-medium">{t("colGuardians")}</th>
            <th scope="col" className="py-2 pe-3 text-start font-medium">{t("colLastContact")}</th>
            <th scope="col" className="py-2 pe-3 text-start font-medium">{t("colCount")}</th>
            <th scope="col" className="py-2 text-start font-medium">{t("colAction")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={row.id} className={row.notReached ? "bg-warn-50/60" : undefined}>
              <th scope="row" className="py-2 pe-3 text-start align-top font-normal">
                <Link href={`/mentor/pupils/${row.id}`} className="font-semibold text-brand-700 underline">{row.name}</Link>
                <span className="block text-sm text-slate-600">{row.className}</span>
                <Signals row={row} />
              </th>
              <td className="py-2 pe-3 align-top"><Guardians row={row} /></td>
              <td className="py-2 pe-3 align-top"><LastContact row={row} /></td>
              <td className="py-2 pe-3 align-top text-sm tabular-nums">{t("contactCount", { count: row.countThisYear })}</td>
              <td className="py-2 align-top">{logLink(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="space-y-3 md:hidden">
        {rows.map((row) => (
          <li key={row.id} className={`rounded-xl border p-3 ${row.notReached ? "border-warn-700 bg-warn-50" : "border-slate-200 bg-white"}`}>
            <div className="flex items-start justify-between gap-2">
              <span>
                <Link href={`/mentor/pupils/${row.id}`} className="font-semibold text-brand-700 underline">{row.name}</Link>
                <span className="ms-2 text-sm text-slate-600">{row.className}</span>
              </span>
              <Signals row={row} />
            </div>
            <div className="mt-1"><LastContact row={row} /></div>
            <div className="mt-1"><Guardians row={row} /></div>
            <div className="mt-2">{logLink(row)}</div>
          </li>
        ))}
      </ul>
    </>
  );
}
