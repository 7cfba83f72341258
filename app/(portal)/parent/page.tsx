import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { listChildrenOverview } from "@/lib/domain/pupils/queries";
import { ChildCard } from "@/components/parent/child-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("parent"))("title") };
}

export default async function ParentHome() {
  const actor = await requirePermission("parent:view", "/parent");
  const [t, children] = await Promise.all([getTranslations("parent"), listChildrenOverview(actor)]);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("intro")}</p>
      {children.length ? (
        <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
          {children.map((child) => (
            <ChildCard key={child.id} child={child} />
          ))}
        </div>
      ) : (
        <p className="mt-6 rounded-lg bg-white p-4">{t("noChildren")}</p>
      )}
    </>
  );
}
