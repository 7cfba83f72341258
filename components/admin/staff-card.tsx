import Link from "next/link";
import { useTranslations } from "next-intl";
import type { AccountState } from "@/lib/domain/admin/staff-fields";

type Member = { id: string; name: string; email: string | null; roles: string[]; classes: string[]; state: AccountState; twoFactor: boolean };

const STATE_STYLE: Record<AccountState, string> = {
  active: "bg-brand-50 text-brand-900",
  noPassword: "bg-slate-100 text-slate-800",
  blocked: "bg-warn-700 text-white",
};

/** One staff member in the school's list: roles, mentor classes, account state and two-step sign-in. */
export function StaffCard({ member, href, highlight }: { member: Member; href: string; highlight?: boolean }) {
  const t = useTranslations("staffAdmin");
  const tRoles = useTranslations("roles");
  return (
    <li className={`rounded-xl border bg-white p-4 ${highlight ? "border-brand-600" : "border-slate-200"}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="font-semibold">{member.name}</h3>
          {member.email ? <p dir="ltr" className="text-start text-sm break-all text-slate-700">{member.email}</p> : null}
        </div>
        <span className={`rounded-full px-2 py-0.5 text-sm font-medium ${STATE_STYLE[member.state]}`}>{t(`states.${member.state}`)}</span>
      </div>
      <p className="mt-2 text-sm">
        {member.roles.length ? member.roles.map((r) => (r === "MENTOR" && member.classes.length ? t("mentorOf", { classes: member.classes.join(", ") }) : tRoles(r))).join(" · ") : t("noRoles")}
      </p>
      <p className="mt-1 text-sm text-slate-700">{member.twoFactor ? t("twoFactorOn") : t("twoFactorOff")}</p>
      <Link href={href} className="mt-2 inline-flex min-h-11 items-center text-brand-700 underline">{t("open", { name: member.name })}</Link>
    </li>
  );
}
