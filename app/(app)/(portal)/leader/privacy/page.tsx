import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { EXPORT_CAP, listSchoolAccess } from "@/lib/domain/privacy/queries";
import { appliedParams, paramsGetter, parseAccessFilter } from "@/lib/domain/privacy/filter";
import { pageRequestOf } from "@/lib/domain/privacy/cursor";
import { AccessFilterForm } from "@/components/privacy/filter-form";
import { AccessList } from "@/components/privacy/access-list";
import { Pager } from "@/components/privacy/pager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy"))("leaderTitle"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Who looked at the data of the school's pupils (decision 0024): the school comes from the signed-in leader, never from the address. */
export default async function LeaderPrivacyPage({ searchParams }: Props) {
  const actor = await requirePermission("leader:view", "/leader/privacy", { route: "/leader/privacy", category: "audit" });
  const get = paramsGetter(await searchParams);
  const { filter, values, issues } = parseAccessFilter(get);
  const data = await listSchoolAccess(actor, filter, pageRequestOf(get));
  const [t, tCommon, format] = await Promise.all([getTranslations("privacy"), getTranslations("common"), getFormatter()]);
  // Only the applied filters travel on to the pager and the download.
  const query = appliedParams(values, issues);
  const exportHref = `/api/leader/privacy${query.size ? `?${query}` : ""}`;
  const cap = format.number(EXPORT_CAP, "integer");
  return (
    <>
      <Link href="/leader" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {tCommon("backToOverview")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("leaderTitle")}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("leaderIntro")}</p>
      <AccessFilterForm values={values} issues={issues} action="/leader/privacy" />
      <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
        <p role="status" className="font-medium">{data.total > EXPORT_CAP ? t("countMore", { cap }) : t("count", { count: data.total })}</p>
        {data.total > EXPORT_CAP ? (
          <p className="max-w-prose text-sm text-slate-700">{t("tooMany", { cap })}</p>
        ) : data.total > 0 ? (
          <div>
            <a href={exportHref} download className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-medium text-brand-700 hover:bg-brand-50">{t("download")}</a>
            <p className="mt-1 text-sm text-slate-700">{t("downloadHelp", { cap })}</p>
          </div>
        ) : null}
      </div>
      {data.rows.length ? <AccessList rows={data.rows} full /> : null}
      <Pager base="/leader/privacy" query={query} older={data.older} newer={data.newer} />
    </>
  );
}
