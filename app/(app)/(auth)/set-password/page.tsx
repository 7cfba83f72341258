import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { inspectTokenAction, setPasswordAction } from "@/lib/domain/accounts/password-actions";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { SiteHeader } from "@/components/layout/site-header";

export async function generateMetadata(): Promise<Metadata> {
  // No address of ours ever carries the token: it is in the fragment (never sent), and nothing here refers onwards.
  return { title: (await getTranslations("setPassword"))("title"), referrer: "no-referrer" };
}

/** Both invitation and reset links open this page: /set-password#<token>. */
export default async function SetPasswordPage() {
  const [t, messages] = await Promise.all([getTranslations("setPassword"), getMessages()]);
  const clientMessages = { setPassword: messages.setPassword, passwordRule: messages.passwordRule, passwordErrors: messages.passwordErrors, account: messages.account, errors: messages.errors };
  return (
    <>
      <SiteHeader user={null} homeHref="/" />
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <noscript>
          <p className="mt-4 rounded-lg bg-warn-50 p-3 text-warn-700">{t("needsScript")}</p>
        </noscript>
        <NextIntlClientProvider messages={clientMessages}>
          <SetPasswordForm inspect={inspectTokenAction} action={setPasswordAction} />
        </NextIntlClientProvider>
      </main>
    </>
  );
}
