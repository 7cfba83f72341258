import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { LeaderAgreement } from "@/components/agreement/leader-agreement";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("agreement"))("metaTitle") };
}

export default async function LeaderAgreementPage() {
  const actor = await requirePermission("agreement:edit", "/leader/agreement", { route: "/leader/agreement", category: "school" });
  return <LeaderAgreement actor={actor} />;
}
