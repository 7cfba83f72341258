import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { LanguageChoice } from "@/lib/domain/accounts/schemas";
import { setPreferredLocale } from "@/lib/domain/accounts/commands";

export const dynamic = "force-dynamic";

// The language switch in the site header posts here (a plain form, so it works
// without JavaScript and on cached public pages): the choice goes on the profile
// when signed in and in a cookie, then the visitor returns to the page they were on.

/** The page the form was posted from, when it is on this site; else the start page. */
function backTo(request: Request): string {
  const own = new URL(request.url);
  const referer = request.headers.get("referer");
  if (!referer) return "/";
  try {
    const from = new URL(referer);
    return from.origin === own.origin ? `${from.pathname}${from.search}` : "/";
  } catch {
    return "/";
  }
}

export async function POST(request: Request) {
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(request.url).origin) return new Response(null, { status: 403 });
  const form = await request.formData().catch(() => null);
  const parsed = LanguageChoice.safeParse({ locale: form?.get("locale") });
  if (!parsed.success) {
    const t = await getTranslations("errors");
    return new Response(t("invalidLanguage"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const actor = await getActor();
  if (actor) await setPreferredLocale(actor, parsed.data.locale);
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  return new Response(null, { status: 303, headers: { Location: backTo(request), "Cache-Control": "no-store" } });
}
