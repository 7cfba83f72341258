import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { numberFormat } from "@/lib/i18n/fast-format";

export type GradeFormat = { number: (tenths: number) => string; below: string };

/** Load the grade formatting once per page section, not once per grade. */
export async function gradeFormat(): Promise<GradeFormat> {
  const locale = await getLocale();
  const t = await fastTranslations(locale, "child");
  const grade = numberFormat(locale, "grade");
  return { number: (tenths) => grade.format(tenths / 10), below: t("belowPass") };
}

type Props = { gradeTenths: number | null; textValue?: string | null; size?: "md" | "lg"; f: GradeFormat };

/** A grade with its insufficient marker as icon and text, never colour alone. */
export function Grade({ gradeTenths, textValue, size = "md", f }: Props) {
  if (gradeTenths === null) return <span className="font-semibold">{textValue ?? "–"}</span>;
  const below = gradeTenths < 55;
  return (
    <span className={`grade${size === "lg" ? " grade-lg" : ""}${below ? " grade-below" : ""}`}>
      {below ? (
        <svg aria-hidden="true" viewBox="0 0 16 16" className="icon-4">
          <path d="M8 1 15 14H1L8 1Zm-.8 5v4h1.6V6H7.2Zm0 5v1.6h1.6V11H7.2Z" />
        </svg>
      ) : null}
      {f.number(gradeTenths)}
      {below ? <span className="text-xs font-medium">{f.below}</span> : null}
    </span>
  );
}
