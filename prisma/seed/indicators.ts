import type { IndicatorUnit, SchoolKind } from "../../lib/generated/prisma/enums";
import { dayOf, momentAt } from "./calendar";
import { newId } from "./ids";
import type { SchoolState, SeedContext } from "./model";
import { Rng } from "./random";
import type { Buffers } from "./tables";

// Quality indicators ("Vensters") per school and school year, around a
// national benchmark per kind of school. A school has one underlying quality
// that shows in most of its figures, plus year-to-year noise.

type Code =
  | "EXAM_PASS_RATE" | "AVG_EXAM_GRADE" | "PROGRESSION_LOWER" | "PROGRESSION_UPPER"
  | "PUPIL_SATISFACTION" | "PARENT_SATISFACTION" | "INSPECTION_JUDGEMENT" | "PUPIL_COUNT";

type Definition = {
  code: Code;
  unit: IndicatorUnit;
  higherIsBetter: boolean;
  benchmark: Record<SchoolKind, number>;
  /** Spread between schools and between years of one school. */
  spread: [number, number];
  decimals: number;
  max?: number;
  /** Explanations for a figure below and above the benchmark. */
  explain: [string, string];
};

const kinds = (vmbo: number, havoVwo: number, sg: number, mbo: number): Record<SchoolKind, number> =>
  ({ VMBO: vmbo, HAVO_VWO: havoVwo, SCHOLENGEMEENSCHAP: sg, MBO: mbo });

// Order = sortOrder.
const DEFINITIONS: Definition[] = [
  { code: "EXAM_PASS_RATE", unit: "PERCENT", higherIsBetter: true, benchmark: kinds(95.4, 88.6, 91.2, 74.5), spread: [3, 2.5], decimals: 1, max: 100,
    explain: ["Het slagingspercentage lag lager dan we willen. Examenkandidaten krijgen nu extra examentraining en hulp bij het plannen.", "Bijna alle examenkandidaten slaagden. Een compliment voor leerlingen en docenten!"] },
  { code: "AVG_EXAM_GRADE", unit: "GRADE", higherIsBetter: true, benchmark: kinds(6.55, 6.42, 6.48, 6.62), spread: [0.15, 0.1], decimals: 2,
    explain: ["Bij wiskunde en Engels lagen de examencijfers lager; de secties werken aan een betere voorbereiding.", "De examencijfers liggen boven het landelijk gemiddelde, vooral bij de talen."] },
  { code: "PROGRESSION_LOWER", unit: "PERCENT", higherIsBetter: true, benchmark: kinds(95.6, 96.4, 96, 83), spread: [1.5, 1], decimals: 1, max: 100,
    explain: ["Meer leerlingen stapten na de onderbouw over naar een ander niveau; zij tellen hier als vertraagd.", "Vrijwel alle leerlingen gingen zonder vertraging door de onderbouw."] },
  { code: "PROGRESSION_UPPER", unit: "PERCENT", higherIsBetter: true, benchmark: kinds(92.4, 85.8, 88.1, 78.5), spread: [3, 2], decimals: 1, max: 100,
    explain: ["In de bovenbouw bleven meer leerlingen zitten dan vorig jaar. Mentoren volgen de voortgang nu elke periode.", "De bovenbouw haalt haar diploma vaker zonder vertraging dan landelijk."] },
  { code: "PUPIL_SATISFACTION", unit: "SCORE", higherIsBetter: true, benchmark: kinds(6.8, 6.6, 6.7, 7), spread: [0.3, 0.15], decimals: 1, max: 10,
    explain: ["Leerlingen zijn minder tevreden over het rooster en de toetsdruk; een leerlingenpanel denkt mee over verbeteringen.", "Leerlingen waarderen vooral de sfeer en hun mentor."] },
  { code: "PARENT_SATISFACTION", unit: "SCORE", higherIsBetter: true, benchmark: kinds(7.3, 7.1, 7.2, 7), spread: [0.25, 0.15], decimals: 1, max: 10,
    explain: ["Ouders vroegen om sneller bericht bij verzuim. Dat krijgen ze nu op dezelfde dag.", "Ouders zijn tevreden over het contact met de mentor."] },
  { code: "INSPECTION_JUDGEMENT", unit: "JUDGEMENT", higherIsBetter: true, benchmark: kinds(2, 2, 2, 2), spread: [0, 0], decimals: 0,
    explain: ["De inspectie beoordeelde de kwaliteit als onvoldoende. Het verbeterplan loopt; een herstelonderzoek volgt.", "De inspectie beoordeelde de school als goed, onder meer om de begeleiding van leerlingen."] },
  { code: "PUPIL_COUNT", unit: "COUNT", higherIsBetter: false, benchmark: kinds(780, 1150, 1400, 2600), spread: [0, 0], decimals: 0,
    explain: ["Het aantal leerlingen daalt, net als in de regio.", "Het aantal leerlingen groeit door de nieuwe afdeling techniek."] },
];

/** Unpublished figures for the current year at this school, so a leader has something to publish. */
const UNPUBLISHED_SCHOOL = 4;

export function writeIndicatorDefinitions(ctx: SeedContext, buffers: Buffers): void {
  DEFINITIONS.forEach((d, i) => {
    const id = newId();
    ctx.indicatorIds.set(d.code, id);
    buffers.QualityIndicator.add({ id, code: d.code, unit: d.unit, higherIsBetter: d.higherIsBetter, sortOrder: i + 1 });
  });
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Judgements: 1 onvoldoende, 2 voldoende, 3 goed. A weak school was judged onvoldoende earlier and has since improved. */
function judgement(quality: number, yearsAgo: number): number {
  if (quality > 1.1) return 3;
  if (quality < -1.4) return yearsAgo >= 1 ? 1 : 2;
  return 2;
}

export function writeIndicatorValues(ctx: SeedContext, school: SchoolState, rng: Rng, buffers: Buffers): void {
  const quality = rng.normal(0, 1);
  const kind = school.plan.kind;
  let count = school.classes.reduce((n, c) => n + c.pupils.length, 0);
  const counts = ctx.years.map(() => 0);
  for (let i = ctx.years.length - 1; i >= 0; i--) {
    counts[i] = count;
    count = Math.round(count * (1 + rng.normal(0, 0.03)));
  }
  for (const d of DEFINITIONS) {
    const own = rng.normal(0, 1);
    ctx.years.forEach((year, i) => {
      const yearsAgo = ctx.years.length - 1 - i;
      // The national figure is the same for every school of a kind in a year.
      const national = new Rng(`benchmark/${d.code}/${kind}/${year.dates.name}`);
      const benchmark = round(d.benchmark[kind] + national.normal(0, d.spread[1] / 3), d.decimals);
      let value: number;
      if (d.code === "INSPECTION_JUDGEMENT") value = judgement(quality, yearsAgo);
      else if (d.code === "PUPIL_COUNT") value = counts[i];
      else value = benchmark + d.spread[0] * (0.6 * quality + 0.8 * own) + rng.normal(0, d.spread[1]);
      value = round(Math.min(d.max ?? Infinity, Math.max(0, value)), d.decimals);
      // Pupil numbers are explained by their trend, everything else against the benchmark.
      const worse = d.code === "PUPIL_COUNT" ? i > 0 && counts[i] < counts[i - 1] : value < benchmark;
      const explained = d.code === "INSPECTION_JUDGEMENT" ? value !== 2 : value !== benchmark && rng.chance(0.3);
      const publishedOn = yearsAgo === 0 ? Math.min(dayOf(year.dates.startYear, 10, 1), ctx.today - 3) : Math.min(dayOf(year.dates.startYear + 1, 10, 1), ctx.today - 7);
      const unpublished = yearsAgo === 0 && school.plan.index === UNPUBLISHED_SCHOOL;
      buffers.IndicatorValue.add({
        id: newId(), indicatorId: ctx.indicatorIds.get(d.code)!, schoolId: school.id, schoolYearId: year.id,
        value, benchmark, explanation: explained ? d.explain[worse ? 0 : 1] : null,
        publishedAt: unpublished ? null : momentAt(publishedOn, 10 * 60),
      });
    });
  }
}
