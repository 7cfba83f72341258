import { getFormatter, getTranslations } from "next-intl/server";
import type { AccessRow } from "@/lib/domain/privacy/sql";
import { rowWords } from "@/lib/domain/privacy/words";

const WHEN = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", numberingSystem: "latn" } as const;

/**
 * Who looked, newest first: one card per row, so it reads the same at 320 px
 * and on a desktop. `full` (the school leader) adds the pupil, class and page.
 */
export async function AccessList({ rows, full }: { rows: AccessRow[]; full: boolean }) {
  const [t, tRoles, format] = await Promise.all([getTranslations("privacy"), getTranslations("roles"), getFormatter()]);
  return (
    <ol aria-label={t("listLabel")} className="mt-4 space-y-3">
      {rows.map((row) => {
        const w = rowWords(row, t, tRoles);
        const refused = row.outcome === "DENIED";
        return (
          <li key={row.id} className={`rounded-xl border bg-white p-3 sm:p-4 ${refused ? "border-warn-700" : "border-slate-200"}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <p>
                <span className="font-semibold">{w.person}</span> <span className="text-sm text-slate-700">({w.role})</span>
              </p>
              <time dateTime={row.at.toISOString()} className="text-sm tabular-nums text-slate-700">{format.dateTime(row.at, WHEN)}</time>
            </div>
            <p className="mt-1">
              {refused ? <span className="me-2 rounded-full bg-warn-700 px-2 py-0.5 text-xs font-semibold text-white">{t("refused")}</span> : null}
              {w.action} · {w.category}
            </p>
            {full ? (
              <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-sm">
                <dt className="text-slate-700">{t("col.pupil")}</dt>
                <dd className="break-words">
                  {w.pupil}
                  {row.pupil ? <span className="text-slate-700"> · {w.pupilNumber}{w.className ? ` · ${w.className}` : ""}</span> : null}
                </dd>
                <dt className="text-slate-700">{t("col.route")}</dt>
                <dd className="min-w-0 break-all">
                  {/* A path reads left to right, placed at the start of the line in either direction. */}
                  <code dir="ltr" className="font-mono text-xs leading-5">{w.route}</code>
                </dd>
                <dt className="text-slate-700">{t("col.outcome")}</dt>
                <dd>{w.outcome}</dd>
              </dl>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
