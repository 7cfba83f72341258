import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { getPersonalData } from "@/lib/domain/data-access/queries";
import { PersonalDataView } from "@/components/account/personal-data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dataAccess"))("title") };
}

/** The right of access (AVG art. 15) as a readable page, with the same data as a file. */
export default async function PersonalDataPage() {
  const actor = await requirePermission("data:access", "/account/data", { route: "/account/data", category: "personalData" });
  const [data, t] = await Promise.all([getPersonalData(actor), getTranslations("dataAccess")]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-2 max-w-prose text-slate-700">{t("intro", { children: data.as === "PARENT" ? "yes" : "no" })}</p>
        <p className="mt-4">
          {/* A plain link: the file comes from a route handler (private, never cached). */}
          <Link href="/api/account/data" prefetch={false} className="inline-flex min-h-12 items-center rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700">{t("download")}</Link>
        </p>
        <p className="mt-1 text-sm text-slate-600">{t("downloadHelp")}</p>
      </div>
      <PersonalDataView data={data} />
    </div>
  );
}
