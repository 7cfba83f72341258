import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { openInvitationsForGuardian } from "@/lib/domain/surveys/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("surveys"))("parent.metaTitle"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The guardian's open survey invitations (not yet answered). */
export default async function ParentSurveys({ searchParams }: Props) {
  const actor = await requirePermission("parent:view", "/parent/surveys", { route: "/parent/surveys", category: "surveys" });
  const { answered } = await searchParams;
  const [t, format, rows] = await Promise.all([getTranslations("surveys.parent"), getFormatter(), openInvitationsForGuardian(actor)]);
  return (
    <>
      <Link href="/parent" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {(await getTranslations("announcementList"))("back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 max-w-prose text-slate-700">{t("intro")}</p>
      {answered === "1" ? <p role="status" className="mt-4 max-w-prose rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t("answered")}</p> : null}
      {rows.length ? (
        <ul className="mt-4 max-w-2xl space-y-3">
          {rows.map((r) => (
            <li key={r.id} className="rounded-2xl border border-slate-200 bg-white p-4">
              <h2 className="text-lg font-semibold" lang="nl" dir="auto">{r.survey.title}</h2>
              <p className="text-sm text-slate-600">{t("closesOn", { school: r.survey.school.name, date: r.survey.closesOn ? format.dateTime(r.survey.closesOn, "full") : "—" })}</p>
              <Link href={`/parent/surveys/${r.id}`} className="mt-2 inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700">{t("answer")}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4">{t("none")}</p>
      )}
    </>
  );
}
