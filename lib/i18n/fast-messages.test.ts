import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import { IntlMessageFormat } from "intl-messageformat";
import { LOCALES } from "@/lib/i18n/config";
import { formats } from "@/lib/i18n/formats";
import { loadMessages } from "@/lib/i18n/catalogue";
import { SCHOOL_TIME_ZONE } from "@/lib/domain/calendar/dates";
import { fastTranslations, fastTranslator, type Namespace } from "@/lib/i18n/fast-messages";

// The cached translator must print exactly what next-intl prints with the
// app's configuration, for every message of every language.

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }>; children?: Element[] };
type Values = Record<string, string | number | Date>;

/** Value sets that reach every branch of a message: each select option, several plural forms, dates across midnight. */
function sampleValues(ast: Element[]): Values[] {
  const args = new Map<string, Element>();
  const walk = (elements: Element[]) => {
    for (const el of elements) {
      if (el.value !== undefined && el.type >= 1 && el.type <= 6 && !args.has(el.value)) args.set(el.value, el);
      for (const option of Object.values(el.options ?? {})) walk(option.value);
      if (el.children) walk(el.children);
    }
  };
  walk(ast);
  const sets: Values[] = [];
  for (let variant = 0; variant < 4; variant++) {
    const values: Values = {};
    for (const [name, el] of args) {
      if (el.type === 5) {
        const keys = Object.keys(el.options ?? {});
        values[name] = keys[variant % keys.length];
      } else if (el.type === 6) values[name] = [0, 1, 2, 11][variant];
      else if (el.type === 2) values[name] = [7.25, 1, 0, 1234.5][variant];
      else if (el.type === 3 || el.type === 4) values[name] = [new Date("2027-03-31T23:30:00Z"), new Date("2026-11-23T08:15:00Z")][variant % 2];
      else values[name] = ["Wiskunde", "سارة", "A & B", "x"][variant];
    }
    sets.push(values);
  }
  return sets;
}

function leaves(node: Record<string, unknown>, prefix = ""): [string, string][] {
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value as Record<string, unknown>, `${prefix}${key}.`),
  );
}

describe.each(LOCALES)("fast translations in %s", (locale) => {
  it("print what next-intl prints for every message without tags, with values that reach every branch", async () => {
    const messages = await loadMessages(locale);
    const intl = createTranslator({ locale, messages, formats, timeZone: SCHOOL_TIME_ZONE });
    let compared = 0;
    for (const [path, text] of leaves(messages)) {
      if (/<\w/.test(text)) continue; // rich text (t.rich) is not offered
      const dot = path.indexOf(".");
      const t = await fastTranslations(locale, path.slice(0, dot) as Namespace);
      const key = path.slice(dot + 1);
      const ast = new IntlMessageFormat(text, locale).getAst() as unknown as Element[];
      const sets = sampleValues(ast);
      for (const values of Object.keys(sets[0]).length ? sets : [undefined]) {
        expect(t(key as never, values), `${path} ${JSON.stringify(values)}`).toBe(intl(path as never, values as never));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it("answers a missing key with the full key, as next-intl's fallback does, and knows which keys exist", async () => {
    const t = await fastTranslations(locale, "child");
    expect(t("no-such-key" as never)).toBe("child.no-such-key");
    expect(t.has("average")).toBe(true);
    expect(t.has("no-such-key")).toBe(false);
    expect(await fastTranslations(locale, "child")).toBe(t);
  });
});

it.each(LOCALES)("formats numbers and dates inside messages as next-intl does, in the school's time zone (%s)", (locale) => {
  // The catalogue has no such message yet; the translator must be ready for one.
  const messages = {
    synthetic: {
      grade: "Cijfer {value, number, grade}",
      plain: "{value, number}",
      day: "Op {when, date, dayMonth}",
      defaultDate: "{when, date, short} {when, time, short}",
      weekday: "{when, date, weekdayTime}",
    },
  };
  const t = fastTranslator(locale, "synthetic", messages);
  const intl = createTranslator({ locale, messages, formats, timeZone: SCHOOL_TIME_ZONE, namespace: "synthetic" });
  for (const when of [new Date("2027-03-31T23:30:00Z"), new Date("2026-11-23T08:15:00Z")]) {
    for (const key of ["day", "defaultDate", "weekday"] as const) expect(t(key, { when })).toBe(intl(key, { when }));
  }
  for (const value of [5.45, 7, 1234.5]) for (const key of ["grade", "plain"] as const) expect(t(key, { value })).toBe(intl(key, { value }));
  // 23:30 UTC on 31 March is 1 April in Amsterdam.
  expect(t("day", { when: new Date("2027-03-31T23:30:00Z") })).toMatch(/1/);
});

it("keeps Latin digits in Arabic grades and counts (decision 0003)", async () => {
  const t = await fastTranslations("ar", "child");
  expect(t("showAssessments", { count: 12 })).toMatch(/12/);
});
