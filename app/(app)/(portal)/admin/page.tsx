import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";

export default async function AdminHome() {
  await requirePermission("admin:view", "/admin");
  const [t, tBench] = await Promise.all([getTranslations("workspace"), getTranslations("benchmarks")]);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("adminTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("adminIntro")}</p>
      <Link href="/admin/benchmarks" className="mt-6 inline-flex min-h-12 items-center rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700">
        {tBench("title")}
      </Link>
    </>
  );
}
