import type { AppLocale } from "@/lib/i18n/config";

// Messages per locale: the base catalogue plus one file per area, so areas can
// grow independently. nl is the source of truth; a test checks the others.
export const CATALOGUE_AREAS = ["schools", "indicators", "sickReports", "absence", "notifications", "attendance"] as const;

type Messages = Record<string, unknown>;

export async function loadMessages(locale: AppLocale): Promise<Messages> {
  const [base, ...areas] = await Promise.all([
    import(`./messages/${locale}.json`),
    ...CATALOGUE_AREAS.map((area) => import(`./messages/${area}/${locale}.json`)),
  ]);
  return Object.assign({}, base.default as Messages, ...areas.map((m) => m.default as Messages));
}
