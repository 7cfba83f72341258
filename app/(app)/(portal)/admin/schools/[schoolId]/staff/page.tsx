import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { listSchoolStaff } from "@/lib/domain/admin/staff-queries";
import { SchoolHeader } from "@/components/admin/school-nav";
import { StaffCard } from "@/components/admin/staff-card";

type Props = { params: Promise<{ schoolId: string }>; searchParams: Promise<{ created?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staffAdmin"))("title") };
}

export default async function StaffPage({ params, searchParams }: Props) {
  const { schoolId } = await params;
  const actor = await requirePermission("staff:manage", `/admin/schools/${schoolId}/staff`, { route: "/admin/schools/[schoolId]/staff", category: "staff" });
  const [{ school, staff }, { created }, t] = await Promise.all([listSchoolStaff(actor, schoolId), searchParams, getTranslations("staffAdmin")]);
  const base = `/admin/schools/${school.id}`;
  const createdMember = staff.find((s) => s.id === created);
  return (
    <>
      <SchoolHeader schoolId={school.id} name={school.name} current="staff" title={t("title")} />
      {createdMember ? (
        <div role="status" className="mt-4 rounded-lg bg-brand-50 p-3 text-brand-900">
          <p>{t("created", { name: createdMember.name })}</p>
          {createdMember.state === "noPassword" ? (
            <p className="mt-1"><Link href={`${base}/invitations`} className="underline">{t("inviteNext")}</Link></p>
          ) : null}
        </div>
      ) : null}
      <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
        <p className="max-w-prose text-slate-700">{t("intro")}</p>
        <Link href={`${base}/staff/new`} className="inline-flex min-h-12 items-center rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700">
          {t("add")}
        </Link>
      </div>
      {staff.length ? (
        <ul className="mt-4 grid grid-cols-1 gap-3 md:grid-cols-2">
          {staff.map((member) => <StaffCard key={member.id} member={member} href={`${base}/staff/${member.id}`} highlight={member.id === created} />)}
        </ul>
      ) : <p className="mt-4">{t("none")}</p>}
    </>
  );
}
