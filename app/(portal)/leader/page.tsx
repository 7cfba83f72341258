import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";

export default async function LeaderHome() {
  await requirePermission("leader:view", "/leader");
  const t = await getTranslations("workspace");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("leaderTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("leaderIntro")}</p>
    </>
  );
}
