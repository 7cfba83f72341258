import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { forgotPasswordAction } from "@/lib/domain/accounts/password-actions";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { SiteHeader } from "@/components/layout/site-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forgotPassword"))("title") };
}

export default async function ForgotPasswordPage() {
  const [t, messages] = await Promise.all([getTranslations("forgotPassword"), getMessages()]);
  return (
    <>
      <SiteHeader user={null} homeHref="/" />
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-2 text-slate-700">{t("intro")}</p>
        <NextIntlClientProvider messages={{ forgotPassword: messages.forgotPassword, passwordErrors: messages.passwordErrors, account: messages.account, errors: messages.errors }}>
          <ForgotPasswordForm action={forgotPasswordAction} />
        </NextIntlClientProvider>
        <p className="mt-6">
          <Link href="/login" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{t("backToLogin")}</Link>
        </p>
      </main>
    </>
  );
}
