import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";

export default async function LeaderHome() {
  await requirePermission("leader:view", "/leader");
  const [t, tPub] = await Promise.all([getTranslations("workspace"), getTranslations("publishing")]);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("leaderTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("leaderIntro")}</p>
      <Link href="/leader/indicators" className="mt-6 inline-flex min-h-12 items-center rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700">
        {tPub("title")}
      </Link>
    </>
  );
}
