import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { getNewStaffForm } from "@/lib/domain/admin/staff-queries";
import { createStaffAction } from "@/lib/domain/admin/staff-actions";
import { StaffForm } from "@/components/admin/staff-form";
import { staffFormMessages } from "@/components/admin/messages";

type Props = { params: Promise<{ schoolId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staffAdmin"))("newTitle") };
}

export default async function NewStaffPage({ params }: Props) {
  const { schoolId } = await params;
  const actor = await requirePermission("staff:manage", `/admin/schools/${schoolId}/staff/new`, { route: "/admin/schools/[schoolId]/staff/new", category: "staff" });
  const [{ school, classes, year }, t, messages] = await Promise.all([getNewStaffForm(actor, schoolId), getTranslations("staffAdmin"), getMessages()]);
  return (
    <>
      <Link href={`/admin/schools/${school.id}/staff`} className="text-brand-700 underline">{t("back")}</Link>
      <p className="mt-3 text-slate-700">{school.name}</p>
      <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
      <p className="mt-1 max-w-prose text-slate-700">{t("newIntro")}</p>
      <div className="mt-6 rounded-xl border border-slate-200 bg-white p-4">
        <NextIntlClientProvider messages={staffFormMessages(messages)}>
          <StaffForm action={createStaffAction} schoolId={school.id} classes={classes} yearName={year?.name ?? null}
            initial={{ name: "", email: "", phone: "", roles: [], classIds: [] }} />
        </NextIntlClientProvider>
      </div>
    </>
  );
}
