import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DEFAULT_LOCALE, directionOf, isLocale } from "@/lib/i18n/config";
import { NotFoundPage } from "@/components/layout/not-found-page";
import "./globals.css";

// An address that matches no page. The app has two root layouts (public pages
// and the portal), so this page brings its own <html>.

export async function generateMetadata(): Promise<Metadata> {
  const [t, tCommon] = await Promise.all([getTranslations("errors"), getTranslations("common")]);
  return { title: `${t("notFoundTitle")} · ${tCommon("appName")}` };
}

export default async function GlobalNotFound() {
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : DEFAULT_LOCALE;
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="min-h-dvh">
        <NotFoundPage />
      </body>
    </html>
  );
}
