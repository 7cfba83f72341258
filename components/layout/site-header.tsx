import Link from "next/link";
import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { LOCALES } from "@/lib/i18n/config";
import { signOut, switchRole } from "@/lib/domain/accounts/actions";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { RoleSwitch } from "@/components/layout/role-switch";

type Props = {
  user: { name: string; role: string; membershipId?: string; memberships?: { id: string; role: string; schoolName: string | null }[] } | null;
  homeHref: string;
};

export async function SiteHeader({ user, homeHref }: Props) {
  const locale = await getLocale();
  const [t, tLang, tRoles] = await Promise.all([fastTranslations(locale, "common"), fastTranslations(locale, "languages"), fastTranslations(locale, "roles")]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href={homeHref} className="flex min-h-11 items-center gap-2 text-lg font-semibold text-brand-900">
          <span aria-hidden="true" className="grid size-8 place-items-center rounded-lg bg-brand-600 text-white">
            ◆
          </span>
          {t("appName")}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <LanguageSwitch
            current={locale}
            options={LOCALES.map((value) => ({ value, label: tLang(value) }))}
            labels={{ language: t("language"), save: t("save") }}
          />
          {user?.memberships && user.memberships.length > 1 ? (
            <RoleSwitch
              action={switchRole}
              current={user.membershipId ?? ""}
              options={user.memberships.map((m) => {
                const role = tRoles.has(m.role) ? tRoles(m.role) : m.role;
                return { value: m.id, label: m.schoolName ? t("roleAt", { role, school: m.schoolName }) : role };
              })}
              labels={{ role: t("role"), switch: t("switchRole") }}
            />
          ) : null}
          {user ? (
            <div className="flex flex-wrap items-center gap-3">
              <p className="text-sm text-slate-700">
                <span className="sr-only">{t("signedInAs", { name: user.name })}</span>
                <span aria-hidden="true">{user.name}</span>
                <span className="ms-1 text-slate-500">({tRoles.has(user.role) ? tRoles(user.role) : user.role})</span>
              </p>
              <Link href="/account" className="inline-flex min-h-11 items-center rounded-lg px-2 text-sm font-medium text-brand-700 underline hover:bg-brand-50">
                {t("myAccount")}
              </Link>
              <form action={signOut}>
                <button type="submit" className="min-h-11 rounded-lg bg-slate-800 px-3 text-sm font-medium text-white hover:bg-slate-900">
                  {t("signOut")}
                </button>
              </form>
            </div>
          ) : null}
        </div>
      </div>
    </header>
  );
}
