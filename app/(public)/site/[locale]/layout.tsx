import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RootErrorTexts } from "@/components/layout/root-error-texts";
import { DEFAULT_LOCALE, LOCALES, directionOf, isLocale } from "@/lib/i18n/config";
import { SiteHeader } from "@/components/layout/site-header";
import "../../../globals.css";

// The public Schoolkompas: no sign-in, no client JavaScript needed, and the
// same page for every visitor with the same language. proxy.ts rewrites `/`,
// `/schools/…` and `/compare` to `/<locale>/…` (cookie, else browser language),
// so this tree never reads a cookie and its pages are served from Next's cache.

/** Each language's pages are rendered on first request (dynamicParams here would also bind the pages below). */
export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Omit<Props, "children">): Promise<Metadata> {
  const { locale } = await params;
  const language = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const [t, tErrors] = await Promise.all([getTranslations({ locale: language, namespace: "common" }), getTranslations({ locale: language, namespace: "errors" })]);
  // Every public page sets its own title (tests/architecture/page-titles.test.ts); the default is the not-found page's
  // (a not-found.tsx cannot have metadata of its own here: reading the request there breaks the cached pages).
  return { title: { default: `${tErrors("notFoundTitle")} · ${t("appName")}`, template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f766e" };

export default async function PublicLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="min-h-dvh">
        <RootErrorTexts>
          <SiteHeader user={null} homeHref="/" />
          <main id="main" className="mx-auto max-w-5xl px-4 py-6 sm:py-8">
            {children}
          </main>
        </RootErrorTexts>
      </body>
    </html>
  );
}
