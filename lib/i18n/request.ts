import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { LOCALE_COOKIE, isLocale, visitorLocale, type AppLocale } from "@/lib/i18n/config";
import { formats } from "@/lib/i18n/formats";
import { loadMessages } from "@/lib/i18n/catalogue";
import { SCHOOL_TIME_ZONE } from "@/lib/domain/calendar/dates";
import { isDatabaseUnavailable } from "@/lib/http/database-away";

/** The user's profile language, else the cookie, else the browser's, else Dutch. */
async function resolveLocale(): Promise<AppLocale> {
  // While the database is away the layout still renders (in the cookie's or browser's language), so the
  // page's error boundary can show the calm "even niet bereikbaar" text instead of Next's bare error page.
  const actor = await getActor().catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  });
  if (actor && isLocale(actor.locale)) return actor.locale;
  return visitorLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
}

export default getRequestConfig(async ({ requestLocale }) => {
  // Public pages carry the locale in their (rewritten) path and set it with
  // setRequestLocale, so they never read cookies and can be served from cache.
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : await resolveLocale();
  return {
    locale,
    timeZone: SCHOOL_TIME_ZONE,
    formats,
    messages: await loadMessages(locale),
  };
});
