import { getFormatter, getTranslations } from "next-intl/server";
import type { IndicatorUnit } from "@/lib/generated/prisma/enums";
import { judgementOf } from "@/lib/domain/indicators/catalogue";

// Euro amounts have no named format in lib/i18n/formats.ts yet; Latin digits
// as everywhere else (docs/decisions/0003).
const EUROS = { minimumFractionDigits: 2, maximumFractionDigits: 2, numberingSystem: "latn" } as const;

/** A function that writes a published value in the visitor's language, with its unit. */
export async function getFigureFormatter() {
  const [format, t, tFigures] = await Promise.all([getFormatter(), getTranslations("indicators"), getTranslations("schoolFigures")]);
  return (unit: IndicatorUnit, value: number): string => {
    switch (unit) {
      case "PERCENT":
        return tFigures("withUnit", { value: format.number(value, "hours"), unit: t("units.PERCENT") });
      case "HOURS":
        return tFigures("withUnit", { value: format.number(value, "hours"), unit: t("units.HOURS") });
      case "EUROS":
        return tFigures("euros", { value: format.number(value, EUROS) });
      case "GRADE":
      case "SCORE":
        return format.number(value, "grade");
      case "COUNT":
        return format.number(value, "integer");
      case "BOOLEAN":
        return value >= 1 ? t("yes") : t("no");
      case "JUDGEMENT": {
        const judgement = judgementOf(value);
        return judgement ? t(`judgements.${judgement}`) : format.number(value, "integer");
      }
    }
  };
}
export type FigureFormatter = Awaited<ReturnType<typeof getFigureFormatter>>;
