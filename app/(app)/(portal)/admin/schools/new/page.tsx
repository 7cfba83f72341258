import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { NEW_SCHOOL_VALUES } from "@/lib/domain/admin/school-queries";
import { createSchoolAction } from "@/lib/domain/admin/school-actions";
import { SchoolForm } from "@/components/admin/school-form";
import { schoolFormMessages } from "@/components/admin/messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("schoolAdmin"))("newTitle") };
}

export default async function NewSchoolPage() {
  await requirePermission("schools:manage", "/admin/schools/new", { route: "/admin/schools/new", category: "school" });
  const [t, tNav, messages] = await Promise.all([getTranslations("schoolAdmin"), getTranslations("schoolNav"), getMessages()]);
  return (
    <>
      <Link href="/admin" className="text-brand-700 underline">{tNav("back")}</Link>
      <h1 className="mt-3 text-2xl font-semibold">{t("newTitle")}</h1>
      <p className="mt-1 max-w-prose text-slate-700">{t("newIntro")}</p>
      <div className="mt-6">
        <NextIntlClientProvider messages={schoolFormMessages(messages)}>
          <SchoolForm action={createSchoolAction} initial={NEW_SCHOOL_VALUES} />
        </NextIntlClientProvider>
      </div>
    </>
  );
}
