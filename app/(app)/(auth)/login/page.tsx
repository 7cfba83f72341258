import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { HOME_ROUTE } from "@/lib/auth/permissions";
import { LocalPath } from "@/lib/domain/accounts/schemas";
import { LoginForm } from "@/components/auth/login-form";
import { SiteHeader } from "@/components/layout/site-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

type Props = { searchParams: Promise<{ callbackUrl?: string; signedOut?: string; expired?: string; passwordSet?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const parsed = LocalPath.safeParse(params.callbackUrl);
  const callback = parsed.success && !parsed.data.startsWith("/login") ? parsed : null;
  const actor = await getActor();
  if (actor) redirect(callback ? callback.data : HOME_ROUTE[actor.role]);

  const [t, messages] = await Promise.all([getTranslations("login"), getMessages()]);
  const notice = params.passwordSet ? t("passwordSet") : params.signedOut ? t("signedOut") : params.expired ? t("expired") : null;
  return (
    <>
      <SiteHeader user={null} homeHref="/" />
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-2 text-slate-700">{t("intro")}</p>
        {notice ? (
          <p role="status" className="mt-4 rounded-lg bg-brand-50 p-3 text-brand-900">
            {notice}
          </p>
        ) : null}
        <NextIntlClientProvider messages={{ login: messages.login }}>
          {/* After sign-in the login page sends each role to its home. */}
          <LoginForm next={callback ? callback.data : "/login"} />
        </NextIntlClientProvider>
        <p className="mt-6">
          <Link href="/forgot-password" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
            {t("forgotLink")}
          </Link>
        </p>
      </main>
    </>
  );
}
