import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { share, type ReachQuery, type ReachRow, type ReachSort } from "@/lib/domain/reach/filter";

export type TableRow = ReachRow & { href?: string; detail: string | null };

/** The dashboard's address with one setting changed (filters kept). */
export function reachHref(query: ReachQuery, change: Partial<ReachQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.year) params.set("year", String(next.year));
  if (next.track) params.set("track", next.track);
  if (next.sort !== "reached") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  const text = params.toString();
  return text ? `/leader?${text}#reach-tables` : "/leader#reach-tables";
}

/** Percent of a share, or the "no figure" dash. */
export async function percentOf() {
  const [t, format] = await Promise.all([getTranslations("reach"), getFormatter()]);
  return (value: number | null) => (value === null ? t("noFigure") : format.number(value, { style: "percent", maximumFractionDigits: 0, numberingSystem: "latn" }));
}

const COLUMNS: ReachSort[] = ["families", "reached", "positive", "never", "onlyProblems"];

/**
 * Per class or per mentor: a table whose column headings sort it (links, so
 * it works without JavaScript and keeps the filter); aria-sort says how.
 */
export async function ReachTable({ id, caption, nameLabel, detailLabel, rows, query }: {
  id: string; caption: string; nameLabel: string; detailLabel: string; rows: TableRow[]; query: ReachQuery;
}) {
  const [t, format, percent] = await Promise.all([getTranslations("reach.table"), getFormatter(), percentOf()]);
  const integer = (n: number) => format.number(n, "integer");
  const heading = (sort: ReachSort, label: string) => {
    const active = query.sort === sort;
    const dir = active && query.dir === "asc" ? "desc" : "asc";
    return (
      <th key={sort} scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined} className="px-3 py-2 text-start font-medium">
        <Link href={reachHref(query, { sort, dir })} className="inline-flex min-h-11 items-center gap-1 text-brand-700 underline">
          {label}
          {active ? <span aria-hidden="true">{query.dir === "asc" ? "▲" : "▼"}</span> : null}
        </Link>
      </th>
    );
  };
  return (
    <div role="region" aria-labelledby={`${id}-caption`} tabIndex={0} className="mt-3 overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full min-w-[40rem] border-collapse text-sm">
        <caption id={`${id}-caption`} className="p-3 text-start text-base font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-slate-600">
            {heading("name", nameLabel)}
            <th scope="col" className="px-3 py-2 text-start font-medium">{detailLabel}</th>
            {COLUMNS.map((c) => heading(c, t(c)))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.length === 0 ? (
            <tr><td colSpan={7} className="px-3 py-3">{t("empty")}</td></tr>
          ) : rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="px-3 py-2 text-start font-medium">
                {row.href ? (
                  <Link href={row.href} aria-label={t("openClass", { name: row.name })} className="inline-flex min-h-11 items-center text-brand-700 underline">
                    <span dir="auto">{row.name}</span>
                  </Link>
                ) : <span dir="auto">{row.name}</span>}
              </th>
              <td dir="auto" className="px-3 py-2 text-slate-700">{row.detail}</td>
              <td className="px-3 py-2">{integer(row.families)}</td>
              <td className="px-3 py-2">{percent(share(row.reached, row.families))}</td>
              <td className="px-3 py-2">{percent(share(row.positive, row.moments))}</td>
              <td className="px-3 py-2">{integer(row.never)}</td>
              <td className="px-3 py-2">{integer(row.onlyProblems)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
