import { bySchoolType } from "@/lib/domain/schools/indicator-view";
import { latestYears } from "@/lib/domain/schools/figures";

// The figures a search result shows at a glance, from the school's latest
// published year: pass rate per school type, inspection judgement, pupil count.

export const KEY_FIGURE_CODES = ["EXAM_PASS_RATE", "INSPECTION_JUDGEMENT", "PUPIL_COUNT"] as const;

type Value = { code: string; schoolType: string; year: string; value: number };

export type KeyFigures = {
  year: string | null;
  passRates: { schoolType: string; value: number }[];
  /** 1 (zeer zwak) … 5 (goed), see JUDGEMENTS. */
  judgement: number | null;
  pupilCount: number | null;
};

export function keyFiguresOf(values: Value[]): KeyFigures {
  const [year = null] = latestYears(values.map((v) => v.year), 1);
  const ofYear = values.filter((v) => v.year === year);
  const single = (code: string) => ofYear.find((v) => v.code === code && v.schoolType === "ALL")?.value ?? null;
  return {
    year,
    passRates: ofYear
      .filter((v) => v.code === "EXAM_PASS_RATE")
      .sort((a, b) => bySchoolType(a.schoolType, b.schoolType))
      .map(({ schoolType, value }) => ({ schoolType, value })),
    judgement: single("INSPECTION_JUDGEMENT"),
    pupilCount: single("PUPIL_COUNT"),
  };
}
