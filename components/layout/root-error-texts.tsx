import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { ErrorTextsProvider } from "@/components/layout/error-texts";

/** The error boundary's texts, translated on the server; both root layouts wrap their pages in it. */
export async function RootErrorTexts({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const [t, tCommon, tUnavailable] = await Promise.all([fastTranslations(locale, "errors"), fastTranslations(locale, "common"), fastTranslations(locale, "unavailable")]);
  const texts = {
    genericTitle: t("genericTitle"),
    genericBody: t("genericBody"),
    retry: t("retry"),
    pageTitle: `${t("genericTitle")} · ${tCommon("appName")}`,
    unavailable: { title: tUnavailable("title"), body: tUnavailable("body"), retry: tUnavailable("retry"), pageTitle: tUnavailable("pageTitle") },
  };
  return <ErrorTextsProvider texts={texts}>{children}</ErrorTextsProvider>;
}
