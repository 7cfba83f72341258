import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { ErrorTextsProvider } from "@/components/layout/error-texts";
import { databaseSeemsAway } from "@/lib/http/database-away";

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
    // getLocale() above read the session first: when that met the database away, the server-rendered error page is already the calm one.
    away: databaseSeemsAway(),
  };
  return <ErrorTextsProvider texts={texts}>{children}</ErrorTextsProvider>;
}
