import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getLocale, getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { accountOverview } from "@/lib/domain/accounts/queries";
import { changePasswordAction } from "@/lib/domain/accounts/password-actions";
import { LOCALES } from "@/lib/i18n/config";
import { ChangePasswordForm } from "@/components/account/change-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const actor = await requirePermission("profile:update", "/account", { route: "/account", category: "account" });
  const [account, t, tLang, tData, format, locale, messages] = await Promise.all([
    accountOverview(actor), getTranslations("account"), getTranslations("languages"), getTranslations("dataAccess"), getFormatter(), getLocale(), getMessages(),
  ]);
  const section = "rounded-xl border border-slate-200 bg-white p-4 sm:p-6";
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-700">{t("intro", { name: actor.name })}</p>
        {account.email ? (
          <p className="mt-1 text-slate-700">
            {t("email")} <bdi dir="ltr" className="break-all">{account.email}</bdi>
          </p>
        ) : null}
      </div>

      <section aria-labelledby="language-heading" className={section}>
        <h2 id="language-heading" className="text-xl font-semibold">{t("languageTitle")}</h2>
        <p className="mt-1 text-sm text-slate-700">{t("languageIntro")}</p>
        <form method="post" action="/api/language" className="mt-3 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="account-language" className="block font-medium">{t("language")}</label>
            <select id="account-language" name="locale" defaultValue={locale} className="mt-1 min-h-12 rounded-lg border border-slate-400 bg-white px-3">
              {LOCALES.map((l) => <option key={l} value={l} lang={l}>{tLang(l)}</option>)}
            </select>
          </div>
          <button type="submit" className="min-h-12 rounded-lg border border-brand-600 px-4 font-medium text-brand-700 hover:bg-brand-50">{t("saveLanguage")}</button>
        </form>
        {actor.role === "PARENT" ? (
          <p className="mt-3"><Link href="/parent/settings" className="inline-flex min-h-11 items-center text-brand-700 underline">{t("alertsLink")}</Link></p>
        ) : null}
      </section>

      <section aria-labelledby="password-heading" className={section}>
        <h2 id="password-heading" className="text-xl font-semibold">{t("passwordTitle")}</h2>
        <p className="mt-1 text-sm text-slate-700">
          {account.passwordChangedAt ? t("passwordChanged", { date: format.dateTime(account.passwordChangedAt, "full") }) : t("passwordIntro")}
        </p>
        <div className="mt-3">
          <NextIntlClientProvider messages={{ changePassword: messages.changePassword, passwordRule: messages.passwordRule, passwordErrors: messages.passwordErrors, account: messages.account, errors: messages.errors }}>
            <ChangePasswordForm action={changePasswordAction} />
          </NextIntlClientProvider>
        </div>
      </section>

      {can(actor, "data:access") ? (
        <section aria-labelledby="data-heading" className={section}>
          <h2 id="data-heading" className="text-xl font-semibold">{tData("title")}</h2>
          <p className="mt-1 text-sm text-slate-700">{tData("linkHelp")}</p>
          <Link href="/account/data" className="mt-3 inline-flex min-h-11 items-center text-brand-700 underline">{tData("link")}</Link>
        </section>
      ) : null}

      {account.twoStep ? (
        <section aria-labelledby="two-step-heading" className={section}>
          <h2 id="two-step-heading" className="text-xl font-semibold">{t("twoStepTitle")}</h2>
          <p className="mt-1">{account.twoStep.enabled ? t("twoStepOn") : account.twoStep.required ? t("twoStepRequired") : t("twoStepOff")}</p>
          <Link href="/account/two-step" className="mt-3 inline-flex min-h-12 items-center rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700">
            {account.twoStep.enabled ? t("twoStepManage") : t("twoStepSetUp")}
          </Link>
        </section>
      ) : null}
    </div>
  );
}
