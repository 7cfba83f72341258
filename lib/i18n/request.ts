import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { LOCALE_COOKIE, isLocale, visitorLocale, type AppLocale } from "@/lib/i18n/config";
import { formats } from "@/lib/i18n/formats";
import { loadMessages } from "@/lib/i18n/catalogue";
import { SCHOOL_TIME_ZONE } from "@/lib/domain/calendar/dates";

/** The user's profile language, else the cookie, else the browser's, else Dutch. */
async function resolveLocale(): Promise<AppLocale> {
  const actor = await getActor();
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
