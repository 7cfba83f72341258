import { IntlMessageFormat, type Formats as MessageFormats } from "intl-messageformat";
import { formats } from "@/lib/i18n/formats";
import { loadMessages } from "@/lib/i18n/catalogue";
import { isLocale, DEFAULT_LOCALE, type AppLocale } from "@/lib/i18n/config";
import { SCHOOL_TIME_ZONE } from "@/lib/domain/calendar/zone";

// Translations for the busiest pages, with every message parsed once per
// process and language. next-intl parses each message again in every request
// and, for each call with values, converts the formats and builds a JSON key
// to find the parsed message (≈ 200 µs the first time in a request, ≈ 18 µs
// after; the child page makes about 200 calls). This does what next-intl does
// with the app's configuration — same parser, formats, time zone and
// fallback — and lib/i18n/fast-messages.test.ts compares the two on every
// message of the catalogue in every language.

/** A tag (`<phone>…</phone>`) takes a function of its content; here it must return a string. */
type Values = Record<string, string | number | Date | ((chunks: string[]) => string)>;

/** The Dutch catalogue's shape (the source of truth; a test keeps the others equal): keys are checked at compile time. */
type Catalogue = typeof import("@/lib/i18n/messages/nl.json") &
  typeof import("@/lib/i18n/messages/schools/nl.json") &
  typeof import("@/lib/i18n/messages/indicators/nl.json") &
  typeof import("@/lib/i18n/messages/sickReports/nl.json") &
  typeof import("@/lib/i18n/messages/absence/nl.json") &
  typeof import("@/lib/i18n/messages/notifications/nl.json") &
  typeof import("@/lib/i18n/messages/attendance/nl.json") &
  typeof import("@/lib/i18n/messages/admin/nl.json") &
  typeof import("@/lib/i18n/messages/imports/nl.json") &
  typeof import("@/lib/i18n/messages/accounts/nl.json") &
  typeof import("@/lib/i18n/messages/dataAccess/nl.json") &
  typeof import("@/lib/i18n/messages/security/nl.json") &
  typeof import("@/lib/i18n/messages/guardianRights/nl.json") &
  typeof import("@/lib/i18n/messages/privacy/nl.json") &
  typeof import("@/lib/i18n/messages/questions/nl.json") &
  typeof import("@/lib/i18n/messages/announcements/nl.json") &
  typeof import("@/lib/i18n/messages/events/nl.json") &
  typeof import("@/lib/i18n/messages/conferenceSchool/nl.json") &
  typeof import("@/lib/i18n/messages/conferences/nl.json") &
  typeof import("@/lib/i18n/messages/schoolSystem/nl.json") &
  typeof import("@/lib/i18n/messages/readAloud/nl.json") &
  typeof import("@/lib/i18n/messages/schoolWords/nl.json") &
  typeof import("@/lib/i18n/messages/reach/nl.json") &
  typeof import("@/lib/i18n/messages/agreement/nl.json") &
  typeof import("@/lib/i18n/messages/surveys/nl.json") &
  typeof import("@/lib/i18n/messages/selfAssessment/nl.json");
export type Namespace = Exclude<keyof Catalogue, "default"> & string;
type Paths<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}` }[keyof T & string];

export type FastTranslator<Key extends string = string> = ((key: Key, values?: Values) => string) & { has: (key: string) => key is Key };

/** next-intl's conversion of the app's formats for intl-messageformat (dateTime serves date and time; school time zone). */
function messageFormats(): Partial<MessageFormats> {
  const withZone = (defaults: Record<string, Intl.DateTimeFormatOptions>) =>
    Object.fromEntries(Object.entries({ ...defaults, ...formats.dateTime }).map(([name, options]) => [name, { timeZone: SCHOOL_TIME_ZONE, ...options }]));
  return { date: withZone(IntlMessageFormat.formats.date), time: withZone(IntlMessageFormat.formats.time), number: { ...formats.number } };
}

// Formatters made once; intl-messageformat asks for them on every format call.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
function memo<T>(store: Map<string, T>, make: (locales: string | string[], options?: object) => T) {
  return (locales: string | string[], options?: object) => {
    const key = `${String(locales)}|${options ? JSON.stringify(options) : ""}`;
    let made = store.get(key);
    if (!made) store.set(key, (made = make(locales, options)));
    return made;
  };
}
const formatters = {
  getNumberFormat: memo(numberFormats, (l, o) => new Intl.NumberFormat(l, o)),
  getDateTimeFormat: memo(dateFormats, (l, o) => new Intl.DateTimeFormat(l, { timeZone: SCHOOL_TIME_ZONE, ...o })),
  getPluralRules: memo(pluralRules, (l, o) => new Intl.PluralRules(l, o)),
};

const FORMATS = messageFormats();
const translators = new Map<string, FastTranslator>();

function lookup(messages: Record<string, unknown>, path: string): unknown {
  let node: unknown = messages;
  for (const part of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** A translator for one namespace of a language's catalogue (made once per process). */
export function fastTranslator(locale: AppLocale, namespace: string, messages: Record<string, unknown>): FastTranslator {
  const id = `${locale}|${namespace}`;
  const existing = translators.get(id);
  if (existing) return existing;
  const compiled = new Map<string, IntlMessageFormat | string>();
  const compile = (key: string): IntlMessageFormat | string => {
    let message = compiled.get(key);
    if (message === undefined) {
      const text = lookup(messages, `${namespace}.${key}`);
      // As next-intl's default fallback: the full key, so a missing text is visible, never blank.
      if (typeof text !== "string") message = `${namespace}.${key}`;
      // next-intl's own test for a message that needs no parsing (getPlainMessage in use-intl).
      else message = /'[{}<#|']/.test(text) || /<|{/.test(text) ? new IntlMessageFormat(text, locale, FORMATS, { formatters }) : text;
      compiled.set(key, message);
    }
    return message;
  };
  const translate = ((key: string, values?: Values) => {
    const message = compile(key);
    if (typeof message === "string") return message;
    try {
      return String(message.format(values));
    } catch {
      // A missing value: next-intl's fallback, the full key.
      return `${namespace}.${key}`;
    }
  }) as FastTranslator;
  translate.has = (key): key is string => typeof lookup(messages, `${namespace}.${key}`) === "string";
  translators.set(id, translate);
  return translate;
}

/** A translator for `namespace` in `locale` (the request's language: pass next-intl's getLocale()). */
export async function fastTranslations<N extends Namespace>(locale: string, namespace: N): Promise<FastTranslator<Paths<Catalogue[N]>>> {
  const language = isLocale(locale) ? locale : DEFAULT_LOCALE;
  // The catalogue is typed from the Dutch files; the runtime lookup is by string.
  return fastTranslator(language, namespace, await loadMessages(language)) as unknown as FastTranslator<Paths<Catalogue[N]>>;
}
