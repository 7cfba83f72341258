import type { SchoolKind } from "../../lib/generated/prisma/enums";
import { INDICATORS } from "../../lib/domain/indicators/catalogue";
import { dayOf, momentAt } from "./calendar";
import { newId } from "./ids";
import type { SchoolState, SeedContext } from "./model";
import { Rng } from "./random";
import type { Buffers } from "./tables";

// Quality indicators ("Vensters") per school, school year and school type,
// around a national benchmark. A school has one underlying quality that shows
// in most of its figures, plus year-to-year noise. The finished years are
// published; the current year is a draft the school leader can publish.

type Spec = {
  /** National value per school type ("ALL" when not per type); absent = no benchmark. */
  national?: Partial<Record<string, number>>;
  spread: number;
  decimals: number;
  min?: number;
  max?: number;
  /** Explanations for a figure below and above the benchmark. */
  explain?: [string, string];
  /** Kinds of school the indicator does not apply to. */
  notFor?: SchoolKind[];
};

const PCT = { min: 0, max: 100, decimals: 1 };
const SPECS: Record<string, Spec> = {
  EXAM_PASS_RATE: { ...PCT, spread: 3, national: { VMBO_B: 98.1, VMBO_K: 96.4, VMBO_GT: 94.2, HAVO: 88.3, VWO: 90.9, MBO_2: 71.5, MBO_3: 73.2, MBO_4: 75.8 },
    explain: ["Het slagingspercentage lag lager dan we willen. Examenkandidaten krijgen nu extra examentraining en hulp bij het plannen.", "Bijna alle examenkandidaten slaagden. Een compliment voor leerlingen en docenten!"] },
  AVG_EXAM_GRADE: { spread: 0.15, decimals: 1, min: 1, max: 10, national: { VMBO_B: 6.8, VMBO_K: 6.6, VMBO_GT: 6.4, HAVO: 6.3, VWO: 6.5 }, notFor: ["MBO"],
    explain: ["Bij wiskunde en Engels lagen de examencijfers lager; de secties werken aan een betere voorbereiding.", "De examencijfers liggen boven het landelijk gemiddelde, vooral bij de talen."] },
  PROGRESSION_LOWER: { ...PCT, spread: 1.5, national: { ALL: 96.1 }, notFor: ["MBO"],
    explain: ["Meer leerlingen stapten na de onderbouw over naar een ander niveau; zij tellen hier als vertraagd.", "Vrijwel alle leerlingen gingen zonder vertraging door de onderbouw."] },
  PROGRESSION_UPPER: { ...PCT, spread: 2.5, national: { VMBO_B: 93, VMBO_K: 92.5, VMBO_GT: 91.8, HAVO: 84.6, VWO: 86.2, MBO_2: 70.1, MBO_3: 72.4, MBO_4: 74 } },
  DESTINATION_MBO: { ...PCT, spread: 0, national: { ALL: 44 } },
  DESTINATION_HBO: { ...PCT, spread: 0, national: { ALL: 31 } },
  DESTINATION_WO: { ...PCT, spread: 0, national: { ALL: 15 } },
  DESTINATION_OTHER: { ...PCT, spread: 0, national: { ALL: 10 } },
  PUPIL_COUNT: { spread: 0, decimals: 0, min: 0 },
  PUPIL_SATISFACTION: { spread: 0.3, decimals: 1, min: 1, max: 10, national: { ALL: 6.8 },
    explain: ["Leerlingen zijn minder tevreden over het rooster en de toetsdruk; een leerlingenpanel denkt mee over verbeteringen.", "Leerlingen waarderen vooral de sfeer en hun mentor."] },
  PUPIL_SATISFACTION_RESPONDENTS: { spread: 0, decimals: 0, min: 0 },
  PUPIL_SATISFACTION_RESPONSE_RATE: { ...PCT, spread: 8, national: { ALL: 72 } },
  PARENT_SATISFACTION: { spread: 0.25, decimals: 1, min: 1, max: 10, national: { ALL: 7.2 },
    explain: ["Ouders vroegen om sneller bericht bij verzuim. Dat krijgen ze nu op dezelfde dag.", "Ouders zijn tevreden over het contact met de mentor."] },
  PARENT_SATISFACTION_RESPONDENTS: { spread: 0, decimals: 0, min: 0 },
  PARENT_SATISFACTION_RESPONSE_RATE: { ...PCT, spread: 10, national: { ALL: 41 } },
  SOCIAL_SAFETY: { ...PCT, spread: 2.5, national: { ALL: 90.4 },
    explain: ["Minder leerlingen voelen zich veilig in de pauzes. Er is nu meer toezicht en een rustige ruimte.", "Leerlingen voelen zich veilig op school; pesten wordt snel aangepakt."] },
  ANTI_BULLYING_COORDINATOR: { spread: 0, decimals: 0, min: 0, max: 1 },
  CONFIDENTIAL_ADVISER: { spread: 0, decimals: 0, min: 0, max: 1 },
  TEACHING_TIME_PLANNED: { spread: 0, decimals: 0, min: 0, national: { ALL: 1000 } },
  TEACHING_TIME_DELIVERED: { spread: 15, decimals: 0, min: 0, national: { ALL: 968 },
    explain: ["Door ziekte van docenten vielen meer lessen uit; we werken met een vaste invalpool.", "Bijna alle geplande lessen zijn gegeven."] },
  QUALIFIED_LESSONS: { ...PCT, spread: 4, national: { ALL: 87.5 } },
  COSTS_YEAR_ONE: { spread: 60, decimals: 2, min: 0, national: { ALL: 285 } },
  PARENT_CONTRIBUTION: { spread: 20, decimals: 2, min: 0, national: { ALL: 75 } },
  INSPECTION_JUDGEMENT: { spread: 0, decimals: 0, min: 1, max: 5,
    explain: ["De inspectie beoordeelde de kwaliteit als zwak. Het verbeterplan loopt; een herstelonderzoek volgt.", "De inspectie beoordeelde de school als goed, onder meer om de begeleiding van leerlingen."] },
};

/** Where leavers go, by kind of school (mbo, hbo, wo, other), summing to 100. */
const DESTINATIONS: Record<SchoolKind, [number, number, number, number]> = {
  VMBO: [91, 0, 0, 9],
  HAVO_VWO: [4, 56, 36, 4],
  SCHOLENGEMEENSCHAP: [38, 36, 17, 9],
  MBO: [12, 21, 0, 67],
};

export function writeIndicatorDefinitions(ctx: SeedContext, buffers: Buffers): void {
  INDICATORS.forEach((d, i) => {
    const id = newId();
    ctx.indicatorIds.set(d.code, id);
    buffers.QualityIndicator.add({ id, code: d.code, group: d.group, unit: d.unit, direction: d.direction, perSchoolType: d.perSchoolType, sortOrder: i + 1 });
    const spec = SPECS[d.code];
    for (const [schoolType, value] of Object.entries(spec.national ?? {})) {
      ctx.years.forEach((year) => {
        const national = new Rng(`benchmark/${d.code}/${schoolType}/${year.dates.name}`);
        buffers.IndicatorBenchmark.add({
          id: newId(), indicatorId: id, schoolYearId: year.id, schoolType,
          value: clamp(spec, value! + national.normal(0, spec.spread / 4)),
        });
      });
    }
  });
}

function clamp(spec: Spec, value: number): number {
  const f = 10 ** spec.decimals;
  return Math.round(Math.min(spec.max ?? Infinity, Math.max(spec.min ?? -Infinity, value)) * f) / f;
}

/** 1 zeer zwak … 5 goed. A weak school was judged "zwak" earlier and has since improved. */
function judgement(quality: number, yearsAgo: number): number {
  if (quality > 1.1) return 5;
  if (quality < -1.4) return yearsAgo >= 2 ? 2 : 4;
  return quality > 0 ? 4 : 3;
}

export function writeIndicatorValues(ctx: SeedContext, school: SchoolState, rng: Rng, buffers: Buffers): void {
  const quality = rng.normal(0, 1);
  const kind = school.plan.kind;
  const pupils = school.classes.reduce((n, c) => n + c.pupils.length, 0);
  const lastYear = ctx.years.length - 1;
  const counts = ctx.years.map((_, i) => Math.round(pupils * (1 + 0.03 * (lastYear - i) * (quality > 0 ? -1 : 1))));
  const destinations = DESTINATIONS[kind];
  for (const d of INDICATORS) {
    const spec = SPECS[d.code];
    if (spec.notFor?.includes(kind)) continue;
    const own = rng.normal(0, 1);
    const types: string[] = d.perSchoolType ? school.plan.levels.filter((l) => spec.national?.[l] !== undefined) : ["ALL"];
    for (const schoolType of types) {
      ctx.years.forEach((year, i) => {
        const yearsAgo = lastYear - i;
        const base = spec.national?.[schoolType] ?? 0;
        let value: number;
        switch (d.code) {
          case "INSPECTION_JUDGEMENT": value = judgement(quality, yearsAgo); break;
          case "PUPIL_COUNT": value = counts[i]; break;
          case "PUPIL_SATISFACTION_RESPONDENTS": value = Math.round(counts[i] * (0.6 + 0.1 * rng.next())); break;
          case "PARENT_SATISFACTION_RESPONDENTS": value = Math.round(counts[i] * (0.3 + 0.15 * rng.next())); break;
          case "ANTI_BULLYING_COORDINATOR": value = 1; break;
          case "CONFIDENTIAL_ADVISER": value = quality < -1 && yearsAgo >= 2 ? 0 : 1; break;
          case "DESTINATION_MBO": case "DESTINATION_HBO": case "DESTINATION_WO": case "DESTINATION_OTHER":
            value = destinations[["DESTINATION_MBO", "DESTINATION_HBO", "DESTINATION_WO", "DESTINATION_OTHER"].indexOf(d.code)]; break;
          default: value = base + spec.spread * (0.6 * quality * (d.direction === "LOWER" ? -1 : 1) + 0.8 * own) + rng.normal(0, spec.spread / 2);
        }
        value = clamp(spec, value);
        const benchmark = spec.national?.[schoolType];
        const worse = benchmark === undefined ? false : d.direction === "LOWER" ? value > benchmark : value < benchmark;
        const explanation = spec.explain && (d.code === "INSPECTION_JUDGEMENT" ? value !== 4 && value !== 3 : rng.chance(0.35))
          ? spec.explain[worse || value <= 2 ? 0 : 1] : null;
        const current = yearsAgo === 0;
        const publishedOn = Math.min(dayOf(year.dates.startYear + 1, 10, 1), ctx.today - 7);
        buffers.IndicatorValue.add({
          id: newId(), indicatorId: ctx.indicatorIds.get(d.code)!, schoolId: school.id, schoolYearId: year.id, schoolType,
          draftValue: value, draftExplanation: explanation,
          publishedValue: current ? null : value, publishedExplanation: current ? null : explanation,
          publishedAt: current ? null : momentAt(publishedOn, 10 * 60),
          updatedAt: current ? ctx.now : momentAt(publishedOn, 9 * 60),
        });
      });
    }
  }
}
