import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/site-header";

export default async function HomePage() {
  const t = await getTranslations("home");
  return (
    <>
      <SiteHeader user={null} homeHref="/" />
      <main id="main" className="mx-auto max-w-3xl px-4 py-12">
        <h1 className="text-3xl font-semibold text-brand-900">{t("title")}</h1>
        <p className="mt-4 text-lg text-slate-700">{t("intro")}</p>
        <Link href="/login" className="mt-8 inline-flex min-h-12 items-center rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700">
          {t("signInCta")}
        </Link>
      </main>
    </>
  );
}
