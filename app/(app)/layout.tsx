import type { Metadata, Viewport } from "next";
import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { RootErrorTexts } from "@/components/layout/root-error-texts";
import { directionOf, isLocale, DEFAULT_LOCALE } from "@/lib/i18n/config";
import "../globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await fastTranslations(await getLocale(), "common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f766e" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : DEFAULT_LOCALE;
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="min-h-dvh">
        {/* Only the error boundary's texts: next-intl's client runtime loads only on pages whose own client components need it. */}
        <RootErrorTexts>{children}</RootErrorTexts>
      </body>
    </html>
  );
}
