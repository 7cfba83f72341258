import nl from "@/lib/i18n/messages/security/nl.json";
import en from "@/lib/i18n/messages/security/en.json";
import ar from "@/lib/i18n/messages/security/ar.json";
import tr from "@/lib/i18n/messages/security/tr.json";
import pl from "@/lib/i18n/messages/security/pl.json";
import uk from "@/lib/i18n/messages/security/uk.json";
import { directionOf, type AppLocale } from "@/lib/i18n/config";

// The page proxy.ts answers with when it refuses a request before any page
// runs: an address or a form it cannot read (400), or a form posted from
// another site (403). A whole small page in the visitor's language, with no script, that
// no cache may keep. Built here, not rendered by React, because the request
// never reaches the app.

const TEXTS: Record<AppLocale, typeof nl> = { nl, en, ar, tr, pl, uk };

export type Refusal = "badAddress" | "badForm" | "crossSite";

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function refusalPage(refusal: Refusal, locale: AppLocale): string {
  const t = TEXTS[locale].refusals;
  const [title, body] = { badAddress: [t.badAddressTitle, t.badAddressBody], badForm: [t.badFormTitle, t.badFormBody], crossSite: [t.crossSiteTitle, t.crossSiteBody] }[refusal].map(escape);
  return `<!DOCTYPE html><html lang="${locale}" dir="${directionOf(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:2rem 1rem;color:#0f172a;line-height:1.5}main{max-width:40rem;margin:0 auto}h1{font-size:1.5rem;color:#134e4a}a{color:#0f766e;display:inline-block;min-height:44px;line-height:44px}</style></head>
<body><main><h1>${title}</h1><p>${body}</p><p><a href="/">${escape(t.home)}</a></p></main></body></html>`;
}

/** The refusal as a response: 400 for an unreadable address or form, 403 for a cross-site form. */
export function refusalResponse(refusal: Refusal, locale: AppLocale, extraHeaders: Record<string, string> = {}): Response {
  return new Response(refusalPage(refusal, locale), {
    status: refusal === "crossSite" ? 403 : 400,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store", ...extraHeaders },
  });
}
