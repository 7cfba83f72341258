import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { ParentAgreement } from "@/components/agreement/parent-agreement";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("agreement"))("title") };
}

export default async function ParentAgreementPage() {
  const actor = await requirePermission("agreement:acknowledge", "/parent/agreement", { route: "/parent/agreement", category: "school" });
  return <ParentAgreement actor={actor} />;
}
