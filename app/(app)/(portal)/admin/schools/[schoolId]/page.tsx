import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { getSchoolForm } from "@/lib/domain/admin/school-queries";
import { updateSchoolAction } from "@/lib/domain/admin/school-actions";
import { SchoolForm } from "@/components/admin/school-form";
import { SchoolHeader } from "@/components/admin/school-nav";
import { schoolFormMessages } from "@/components/admin/messages";

type Props = { params: Promise<{ schoolId: string }>; searchParams: Promise<{ created?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("schoolAdmin"))("editTitle") };
}

export default async function SchoolPage({ params, searchParams }: Props) {
  const { schoolId } = await params;
  const actor = await requirePermission("schools:manage", `/admin/schools/${schoolId}`, { route: "/admin/schools/[schoolId]", category: "school" });
  const [{ school, values }, { created }, t, messages] = await Promise.all([
    getSchoolForm(actor, schoolId), searchParams, getTranslations("schoolAdmin"), getMessages(),
  ]);
  return (
    <>
      <SchoolHeader schoolId={school.id} name={school.name} current="details" title={t("editTitle")} />
      {created ? (
        <div role="status" className="mt-4 rounded-lg bg-brand-50 p-3 text-brand-900">
          <p>{t("created")}</p>
          <p className="mt-1">
            <Link href={`/admin/schools/${school.id}/calendar`} className="underline">{t("nextCalendar")}</Link>
          </p>
        </div>
      ) : null}
      <p className="mt-4 max-w-prose text-slate-700">{t("editIntro", { slug: school.slug })}</p>
      <div className="mt-6">
        <NextIntlClientProvider messages={schoolFormMessages(messages)}>
          <SchoolForm action={updateSchoolAction} initial={values} schoolId={school.id} />
        </NextIntlClientProvider>
      </div>
    </>
  );
}
