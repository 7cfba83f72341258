import type { AppLocale } from "@/lib/i18n/config";

// Messages per locale: the base catalogue plus one file per area, so areas can
// grow independently. nl is the source of truth; a test checks the others.
export const CATALOGUE_AREAS = ["schools", "indicators", "sickReports", "absence", "notifications", "attendance", "admin", "imports", "accounts", "dataAccess", "security", "guardianRights", "privacy", "questions", "announcements", "events", "conferenceSchool", "conferences", "schoolSystem", "readAloud", "schoolWords", "reach", "agreement", "surveys", "selfAssessment"] as const;

type Messages = Record<string, unknown>;

const loaded = new Map<AppLocale, Promise<Messages>>();

/** The merged catalogue of a language; merged once per process (the files do not change at run time). */
export function loadMessages(locale: AppLocale): Promise<Messages> {
  let messages = loaded.get(locale);
  if (!messages) loaded.set(locale, (messages = mergeCatalogue(locale)));
  return messages;
}

async function mergeCatalogue(locale: AppLocale): Promise<Messages> {
  const [base, ...areas] = await Promise.all([
    import(`./messages/${locale}.json`),
    ...CATALOGUE_AREAS.map((area) => import(`./messages/${area}/${locale}.json`)),
  ]);
  return Object.assign({}, base.default as Messages, ...areas.map((m) => m.default as Messages));
}
