import { describe, expect, it } from "vitest";
import { createFormatter } from "use-intl/core";
import { LOCALES } from "@/lib/i18n/config";
import { formats } from "@/lib/i18n/formats";
import { SCHOOL_TIME_ZONE } from "@/lib/domain/calendar/dates";
import { dateFormat, numberFormat } from "@/lib/i18n/fast-format";
import { REPORT_DAY, reportDayFormat } from "@/lib/domain/sick-reports/display";

// The cached formatters must print exactly what next-intl prints with the app's configuration.
describe.each(LOCALES)("fast formatters in %s", (locale) => {
  const intl = createFormatter({ locale, formats, timeZone: SCHOOL_TIME_ZONE });

  it.each(Object.keys(formats.number) as (keyof typeof formats.number)[])("number format %s", (name) => {
    for (const value of [0, 5.5, 6.45, 7, 10, 1234.567]) {
      expect(numberFormat(locale, name).format(value)).toBe(intl.number(value, name));
    }
  });

  it.each(Object.keys(formats.dateTime) as (keyof typeof formats.dateTime)[])("date format %s, in the school's time zone", (name) => {
    // 23:30 UTC on 31 March is already 1 April in Amsterdam.
    for (const date of [new Date("2027-03-31T23:30:00Z"), new Date("2026-11-23T08:15:00Z"), new Date("2026-12-31T23:00:00Z")]) {
      expect(dateFormat(locale, name).format(date)).toBe(intl.dateTime(date, name));
    }
  });

  it("report days (sick-report forms, formatted in the browser) as next-intl formats them", () => {
    for (const date of [new Date("2027-03-31T23:30:00Z"), new Date("2026-11-23T00:00:00Z"), new Date("2026-12-31T23:00:00Z")]) {
      expect(reportDayFormat(locale).format(date)).toBe(intl.dateTime(date, REPORT_DAY));
    }
  });

  it("makes each formatter once", () => {
    expect(numberFormat(locale, "grade")).toBe(numberFormat(locale, "grade"));
    expect(dateFormat(locale, "short")).toBe(dateFormat(locale, "short"));
  });
});

it("Arabic grades keep Latin digits (decision 0003)", () => {
  expect(numberFormat("ar", "grade").format(5.5)).toMatch(/^5[.,٫]5$/);
});
