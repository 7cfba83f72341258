import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { getStaffMember } from "@/lib/domain/admin/staff-queries";
import { blockAccountAction, updateStaffAction } from "@/lib/domain/admin/staff-actions";
import { BlockForm, StaffForm } from "@/components/admin/staff-form";
import { staffFormMessages } from "@/components/admin/messages";

type Props = { params: Promise<{ schoolId: string; staffId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staffAdmin"))("editTitle") };
}

export default async function StaffMemberPage({ params }: Props) {
  const { schoolId, staffId } = await params;
  const actor = await requirePermission("staff:manage", `/admin/schools/${schoolId}/staff/${staffId}`, { route: "/admin/schools/[schoolId]/staff/[staffId]", category: "staff" });
  const [{ school, classes, year, member }, t, messages] = await Promise.all([getStaffMember(actor, schoolId, staffId), getTranslations("staffAdmin"), getMessages()]);
  const self = member.userId === actor.userId;
  return (
    <NextIntlClientProvider messages={staffFormMessages(messages)}>
      <Link href={`/admin/schools/${school.id}/staff`} className="text-brand-700 underline">{t("back")}</Link>
      <p className="mt-3 text-slate-700">{school.name}</p>
      <h1 className="text-2xl font-semibold">{member.name}</h1>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("fields.email")}</dt>
        <dd dir="ltr" className="text-start break-all">{member.email ?? "—"}</dd>
        <dt className="text-slate-600">{t("account")}</dt>
        <dd>{t(`states.${member.state}`)}</dd>
        <dt className="text-slate-600">{t("twoFactor")}</dt>
        <dd>{member.twoFactor ? t("on") : t("off")}</dd>
      </dl>
      {member.state === "noPassword" ? (
        <p className="mt-2"><Link href={`/admin/schools/${school.id}/invitations`} className="text-brand-700 underline">{t("inviteNext")}</Link></p>
      ) : null}
      <section aria-labelledby="roles-heading" className="mt-6 rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="roles-heading" className="mb-3 text-xl font-semibold">{t("rolesTitle")}</h2>
        <StaffForm action={updateStaffAction} schoolId={school.id} staffId={member.id} classes={classes} yearName={year?.name ?? null}
          initial={{ name: member.name, email: member.email ?? "", phone: member.phone, roles: member.roles, classIds: member.classIds }} />
      </section>
      <section aria-labelledby="block-heading" className="mt-6 rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="block-heading" className="mb-2 text-xl font-semibold">{member.state === "blocked" ? t("unblockTitle") : t("blockTitle")}</h2>
        {self && member.state !== "blocked" ? <p className="text-sm">{t("cannotBlockSelf")}</p> : (
          <BlockForm action={blockAccountAction} schoolId={school.id} staffId={member.id} blocked={member.state === "blocked"} name={member.name} />
        )}
      </section>
    </NextIntlClientProvider>
  );
}
