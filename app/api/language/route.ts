import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { LanguageChoice } from "@/lib/domain/accounts/schemas";
import { setPreferredLocale } from "@/lib/domain/accounts/commands";
import { isSameOrigin, localReferer } from "@/lib/http/same-origin";
import { isHttpsRequest } from "@/lib/http/transport";

export const dynamic = "force-dynamic";

// The language switch in the site header posts here (a plain form, so it works
// without JavaScript and on cached public pages): the choice goes on the profile
// when signed in and in a cookie, then the visitor returns to the page they were on.

export async function POST(request: Request) {
  // Compared with the host the browser addressed, not NEXTAUTH_URL: the app is reached under several names.
  if (!isSameOrigin(request.headers)) return new Response(null, { status: 403 });
  const form = await request.formData().catch(() => null);
  const parsed = LanguageChoice.safeParse({ locale: form?.get("locale") });
  if (!parsed.success) {
    const t = await getTranslations("errors");
    return new Response(t("invalidLanguage"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const actor = await getActor();
  if (actor) await setPreferredLocale(actor, parsed.data.locale);
  // Secure over https like the session cookie (docs/decisions/0020); the answer is no-store.
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365, secure: isHttpsRequest(request.headers) });
  return new Response(null, { status: 303, headers: { Location: localReferer(request.headers), "Cache-Control": "no-store" } });
}
