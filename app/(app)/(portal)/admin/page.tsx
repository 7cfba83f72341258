import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { getBoardOverview } from "@/lib/domain/admin/school-queries";
import { boardTwoFactorAction } from "@/lib/domain/admin/school-actions";
import { BoardTwoFactorForm } from "@/components/admin/board-two-factor-form";
import { SchoolCard } from "@/components/admin/school-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminHome"))("title") };
}

const button = "inline-flex min-h-12 items-center rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700";

export default async function AdminHome() {
  const actor = await requirePermission("admin:view", "/admin", { route: "/admin", category: "school" });
  const [board, t, tBench, messages] = await Promise.all([getBoardOverview(actor), getTranslations("adminHome"), getTranslations("benchmarks"), getMessages()]);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-slate-700">{t("board", { board: board.name })}</p>

      <section aria-labelledby="schools-heading" className="mt-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="schools-heading" className="text-xl font-semibold">{t("schoolsTitle", { count: board.schools.length })}</h2>
          <Link href="/admin/schools/new" className={button}>{t("addSchool")}</Link>
        </div>
        {board.schools.length ? (
          <ul className="mt-3 grid grid-cols-1 gap-4 md:grid-cols-2">
            {board.schools.map((school) => <SchoolCard key={school.id} school={school} />)}
          </ul>
        ) : (
          <p className="mt-3">{t("noSchools")}</p>
        )}
      </section>

      <section aria-labelledby="two-factor-heading" className="mt-8 rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="two-factor-heading" className="text-xl font-semibold">{t("twoFactorTitle")}</h2>
        <NextIntlClientProvider messages={{ adminHome: messages.adminHome, errors: messages.errors }}>
          <BoardTwoFactorForm action={boardTwoFactorAction} required={board.requireStaffTwoFactor} />
        </NextIntlClientProvider>
      </section>

      <section aria-labelledby="benchmarks-heading" className="mt-8">
        <h2 id="benchmarks-heading" className="text-xl font-semibold">{t("benchmarksTitle")}</h2>
        <p className="mt-1 max-w-prose text-slate-700">{t("benchmarksIntro")}</p>
        <Link href="/admin/benchmarks" className={`mt-3 ${button}`}>{tBench("title")}</Link>
      </section>
    </>
  );
}
