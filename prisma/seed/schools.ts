import type { GradeReleaseMode, SchoolKind } from "../../lib/generated/prisma/enums";
import type { Region } from "./calendar";
import { slugify } from "./names";
import type { Rng } from "./random";

// Which schools exist and how their pupils are spread over classes. The first
// five are fixed (the demo accounts live in them); larger seeds add generated
// schools of about 1,000 pupils each.

export type Level = "VMBO_B" | "VMBO_K" | "VMBO_GT" | "HAVO" | "VWO" | "MBO_2" | "MBO_3" | "MBO_4";

export const LEVELS: Record<SchoolKind, Level[]> = {
  VMBO: ["VMBO_B", "VMBO_K", "VMBO_GT"],
  HAVO_VWO: ["HAVO", "VWO"],
  SCHOLENGEMEENSCHAP: ["VMBO_GT", "HAVO", "VWO"],
  MBO: ["MBO_2", "MBO_3", "MBO_4"],
};

/** Length of the programme in years; its last year is the exam year. */
export const YEARS: Record<Level, number> = {
  VMBO_B: 4, VMBO_K: 4, VMBO_GT: 4, HAVO: 5, VWO: 6, MBO_2: 2, MBO_3: 3, MBO_4: 4,
};

// How many parallel classes a level tends to have, relative to the others.
const LEVEL_WEIGHT: Record<Level, number> = {
  VMBO_B: 1, VMBO_K: 1, VMBO_GT: 1.3, HAVO: 1.15, VWO: 0.9, MBO_2: 1, MBO_3: 1, MBO_4: 1.3,
};

const LETTER: Record<Level, string> = {
  VMBO_B: "B", VMBO_K: "K", VMBO_GT: "T", HAVO: "H", VWO: "V", MBO_2: "2", MBO_3: "3", MBO_4: "4",
};

export type SchoolPlan = {
  index: number;
  name: string;
  slug: string;
  city: string;
  kind: SchoolKind;
  levels: Level[];
  brin: string;
  gradeReleaseMode: GradeReleaseMode;
  region: Region;
  pupils: number;
};

export type ClassPlan = { name: string; year: number; track: Level; size: number; examYear: boolean };

type Fixed = Omit<SchoolPlan, "index" | "slug" | "levels" | "brin" | "pupils"> & { weight: number };

// Index 0 is the school of ouder@demo.test's first child and must stay
// IMMEDIATE; index 2 shows the fixed release time.
const FIXED: Fixed[] = [
  { name: "Lindenhorst College", city: "Amersfoort", kind: "HAVO_VWO", gradeReleaseMode: "IMMEDIATE", region: 1, weight: 1.15 },
  { name: "Vakcollege De Waterlinie", city: "Utrecht", kind: "VMBO", gradeReleaseMode: "IMMEDIATE", region: 1, weight: 1 },
  { name: "Scholengemeenschap Eikenrode", city: "Zwolle", kind: "SCHOLENGEMEENSCHAP", gradeReleaseMode: "FIXED_TIME", region: 0, weight: 1.1 },
  { name: "Duinrand MBO", city: "Haarlem", kind: "MBO", gradeReleaseMode: "IMMEDIATE", region: 0, weight: 0.95 },
  { name: "Het Beukenhout", city: "Tilburg", kind: "SCHOLENGEMEENSCHAP", gradeReleaseMode: "IMMEDIATE", region: 2, weight: 0.8 },
];
export const FIXED_SCHOOLS = FIXED.length;

const CITIES: Record<Region, string[]> = {
  0: ["Groningen", "Leeuwarden", "Assen", "Emmen", "Alkmaar", "Hoorn", "Purmerend", "Zaandam", "Lelystad", "Almere", "Amsterdam", "Heerenveen"],
  1: ["Apeldoorn", "Deventer", "Arnhem", "Nijmegen", "Ede", "Veenendaal", "Hilversum", "Gouda", "Leiden", "Den Haag", "Rotterdam", "Delft", "Zoetermeer", "Dordrecht", "Enschede", "Hengelo"],
  2: ["Breda", "Eindhoven", "'s-Hertogenbosch", "Helmond", "Oss", "Venlo", "Roermond", "Maastricht", "Heerlen", "Middelburg", "Bergen op Zoom", "Roosendaal"],
};
const FIRST_PARTS = ["Linden", "Eiken", "Beuken", "Wilgen", "Elzen", "Essen", "Berken", "Meer", "Veen", "Zand", "Water", "Dijk",
  "Polder", "Heide", "Duin", "Vliet", "Zuider", "Noorder", "Ooster", "Wester", "Klaver", "Rozen", "Vlinder", "Hazel", "Esdoorn"];
const SECOND_PARTS = ["horst", "hove", "rode", "wijk", "stein", "burg", "kamp", "hof", "veld", "dal", "oord", "landen", "waarde", "poort", "hage"];
const NAME_PATTERNS: Record<SchoolKind, string[]> = {
  VMBO: ["Vakcollege {}", "{} Vmbo", "Techniek- en Zorgcollege {}"],
  HAVO_VWO: ["{} Lyceum", "Lyceum {}", "{} College", "Gymnasium en Lyceum {}"],
  SCHOLENGEMEENSCHAP: ["Scholengemeenschap {}", "{} College", "Het {}"],
  MBO: ["{} MBO", "MBO College {}", "Vakschool {}"],
};
const GENERATED_KINDS: SchoolKind[] = ["SCHOLENGEMEENSCHAP", "VMBO", "HAVO_VWO", "MBO", "SCHOLENGEMEENSCHAP"];

export const PUPILS_PER_SCHOOL = 1000;

/** Pupil counts that add up to exactly `total`, by largest remainder. */
function apportion(total: number, weights: number[], minimum: number[]): number[] {
  const free = total - minimum.reduce((a, b) => a + b, 0);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (free * w) / sum);
  const counts = exact.map((x, i) => Math.floor(x) + minimum[i]);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k][1]] += 1;
  return counts;
}

export function planSchools(rng: Rng, totalPupils: number): SchoolPlan[] {
  const count = Math.max(FIXED_SCHOOLS, Math.round(totalPupils / PUPILS_PER_SCHOOL));
  const names = new Set<string>();
  const brins = new Set<string>();
  const drafts: Omit<Fixed, "weight">[] = [];
  const weights: number[] = [];
  for (let i = 0; i < count; i++) {
    if (i < FIXED_SCHOOLS) {
      const { weight, ...draft } = FIXED[i];
      drafts.push(draft);
      weights.push(weight);
      names.add(draft.name);
      continue;
    }
    const kind = GENERATED_KINDS[i % GENERATED_KINDS.length];
    let name = "";
    for (let attempt = 0; name === "" || names.has(name); attempt++) {
      const word = rng.pick(FIRST_PARTS) + rng.pick(SECOND_PARTS);
      name = rng.pick(NAME_PATTERNS[kind]).replace("{}", word) + (attempt > 50 ? ` ${attempt}` : "");
    }
    names.add(name);
    const region = rng.int(0, 2) as Region;
    const gradeReleaseMode = rng.chance(0.3) ? "FIXED_TIME" : "IMMEDIATE";
    drafts.push({ name, city: rng.pick(CITIES[region]), kind, gradeReleaseMode, region });
    weights.push(rng.between(0.6, 1.4));
  }
  // The demo accounts need two classes at school 0 and a pupil at the others.
  const minimum = drafts.map((_, i) => (i === 0 ? 6 : 2));
  const sizes = apportion(Math.max(totalPupils, minimum.reduce((a, b) => a + b, 0)), weights, minimum);
  return drafts.map((draft, index) => {
    let brin = "";
    while (brin === "" || brins.has(brin)) {
      brin = `${rng.int(10, 99)}${String.fromCharCode(65 + rng.int(0, 25), 65 + rng.int(0, 25))}`;
    }
    brins.add(brin);
    return { ...draft, index, slug: slugify(draft.name), levels: LEVELS[draft.kind], brin, pupils: sizes[index] };
  });
}

/** Parallel classes per year and level, filled by the D'Hondt method so small schools still spread over years. */
export function planClasses(rng: Rng, school: SchoolPlan): ClassPlan[] {
  const slots = rng.shuffle(
    school.levels.flatMap((track) =>
      Array.from({ length: YEARS[track] }, (_, i) => ({ year: i + 1, track, weight: LEVEL_WEIGHT[track], classes: 0 })),
    ),
  );
  const minimumClasses = school.index === 0 ? 2 : 1;
  const count = Math.min(school.pupils, Math.max(minimumClasses, Math.round(school.pupils / 27.5)));
  for (let k = 0; k < count; k++) {
    let best = slots[0];
    for (const slot of slots) if (slot.weight / (slot.classes + 1) > best.weight / (best.classes + 1)) best = slot;
    best.classes += 1;
  }
  const sizes = apportion(school.pupils, Array.from({ length: count }, () => rng.between(0.9, 1.1)), Array(count).fill(1));
  const classes: ClassPlan[] = [];
  for (const slot of slots) {
    for (let k = 0; k < slot.classes; k++) {
      classes.push({ name: className(slot.track, slot.year, k, slot.classes), year: slot.year, track: slot.track, size: 0, examYear: slot.year === YEARS[slot.track] });
    }
  }
  classes.sort((a, b) => a.year - b.year || a.name.localeCompare(b.name));
  classes.forEach((c, i) => (c.size = sizes[i]));
  return classes;
}

/** "3H", "2V1"/"2V2" for parallel classes; MBO groups as "N4-1A". */
function className(track: Level, year: number, index: number, parallel: number): string {
  if (track.startsWith("MBO")) return `N${LETTER[track]}-${year}${String.fromCharCode(65 + index)}`;
  return `${year}${LETTER[track]}${parallel > 1 ? index + 1 : ""}`;
}
