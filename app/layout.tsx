import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { directionOf, isLocale, DEFAULT_LOCALE } from "@/lib/i18n/config";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f766e" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : DEFAULT_LOCALE;
  const messages = await getMessages();
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="min-h-dvh">
        {/* Client components get only the namespaces they use, to keep pages light. */}
        <NextIntlClientProvider messages={{ errors: messages.errors }}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
