import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { RunListItem } from "@/lib/domain/imports/queries";

/** The school's earlier imports: a table on wide screens, a card per import below sm. */
export async function RunList({ schoolId, runs }: { schoolId: string; runs: RunListItem[] }) {
  const [t, tStatus, format] = await Promise.all([getTranslations("imports"), getTranslations("importStatus"), getFormatter()]);
  if (runs.length === 0) return <p>{t("previousNone")}</p>;
  const total = (run: RunListItem, key: "created" | "changed") => Object.values(run.counts).reduce((n, c) => n + (c?.[key] ?? 0), 0);
  return (
    <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
      {runs.map((run) => (
        <li key={run.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0">
            <p className="font-medium">
              <Link href={`/admin/schools/${encodeURIComponent(schoolId)}/imports/${encodeURIComponent(run.id)}`} className="underline">
                {format.dateTime(run.createdAt, { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", numberingSystem: "latn" })}
              </Link>
              {" · "}
              {tStatus(run.status)}
            </p>
            <p className="break-words text-sm text-slate-700">{t("startedBy", { name: run.by })} · {run.files.join(", ")}</p>
          </div>
          <p className="shrink-0 text-sm">
            {run.errorCount ? t("resultErrors", { count: run.errorCount }) : t("resultCounts", { created: String(total(run, "created")), changed: String(total(run, "changed")) })}
          </p>
        </li>
      ))}
    </ul>
  );
}
