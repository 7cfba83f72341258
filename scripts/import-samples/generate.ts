// Realistic, fictional import files of a havo/vwo school as Magister and
// SOMtoday export them: classes, mentors, pupils, guardians (separated
// households, one without e-mail), subjects, a school year of results up to
// `asOf`, and absences. Deterministic for a seed. Used for the shipped samples
// (samples/import/), the benchmark (2,000 pupils) and tests.
import { Rng } from "../../prisma/seed/random";
import { FAMILY_ORIGINS, asciiWord, personName, pickSex, type Origin } from "../../prisma/seed/names";
import { dayOf, isoDate, schoolCalendar, weekday, type Day } from "../../prisma/seed/calendar";

export type SampleFile = { name: string; rows: string[][] };
export type SampleOptions = { pupils: number; startYear: number; asOf: Day; seed?: string };

const SUBJECTS: [string, string][] = [
  ["ne", "Nederlands"], ["en", "Engels"], ["fa", "Frans"], ["du", "Duits"], ["wi", "Wiskunde"],
  ["gs", "Geschiedenis"], ["ak", "Aardrijkskunde"], ["bi", "Biologie"], ["lo", "Lichamelijke opvoeding"],
];
const TESTS = ["Toets hoofdstuk", "SO hoofdstuk", "Proefwerk hoofdstuk", "Luistertoets", "Praktische opdracht"];
const STREETS = ["Lindelaan", "Kastanjestraat", "Beukenweg", "Molenstraat", "Dorpsstraat", "Kerkplein", "Eikenhof", "Wilgenpad", "Schoolstraat", "Parklaan"];
const PLACES = ["Amersfoort", "Leusden", "Hoevelaken", "Soest"];
const LANGUAGE: Record<Origin, string[]> = { dutch: ["Nederlands"], moroccan: ["Nederlands", "Arabisch"], turkish: ["Nederlands", "Turks"], polish: ["Nederlands", "Engels"], ukrainian: ["Engels", "Nederlands"] };

const dmy = (day: Day) => { const [y, m, d] = isoDate(day).split("-"); return `${d}-${m}-${y}`; };
const comma = (n: number) => n.toFixed(1).replace(".", ",");

/** Weekdays of the school year up to asOf that are a school day in every region (so any school's calendar accepts them). */
export function teachingDays(startYear: number, asOf: Day): Day[] {
  const off = new Set<Day>();
  for (const region of [0, 1, 2] as const) for (const h of schoolCalendar(startYear, region)) for (let d = h.startsOn; d <= h.endsOn; d++) off.add(d);
  const days: Day[] = [];
  for (let d = dayOf(startYear, 8, 1); d <= asOf; d++) if (weekday(d) < 5 && !off.has(d)) days.push(d);
  return days;
}

export function generateSampleSet(options: SampleOptions): Record<string, SampleFile> {
  const rng = new Rng(options.seed ?? "import-samples");
  const perClass = 25;
  const classCount = Math.max(1, Math.round(options.pupils / perClass));
  const classes = Array.from({ length: classCount }, (_, i) => {
    const year = 1 + (i % 3);
    const track = Math.floor(i / 3) % 2 === 0 ? "havo" : "vwo";
    const parallel = Math.floor(i / 6);
    return { name: `${track === "havo" ? "H" : "V"}${year}${String.fromCharCode(65 + (parallel % 26))}${parallel >= 26 ? Math.floor(parallel / 26) : ""}`, year, track };
  });
  const mentors = classes.map((c) => {
    const n = personName(rng, rng.weighted(FAMILY_ORIGINS), pickSex(rng), true);
    return [c.name, `${n.firstName} ${n.lastName}`, `${asciiWord(n.firstName)}.${asciiWord(n.lastName, "")}.${c.name.toLowerCase()}@zonnewijzer.test`];
  });
  const pupils: string[][] = [];
  const guardians: string[][] = [];
  const days = teachingDays(options.startYear, options.asOf);
  type Family = { guardians: string[][]; origin: Origin; surname: string };
  let siblingOf = null as Family | null;
  for (let i = 0; i < options.pupils; i++) {
    const klass = classes[i % classCount];
    const number = String(230001 + i);
    const sex = pickSex(rng);
    const family: Family | null = siblingOf && rng.chance(0.06) ? siblingOf : null;
    const origin: Origin = family?.origin ?? rng.weighted(FAMILY_ORIGINS);
    const name = personName(rng, origin, sex, false);
    const surname = family ? family.surname : name.lastName;
    const prefixMatch = /^((?:[a-z']+\s)+)(.*)$/.exec(surname);
    const birth = dayOf(options.startYear - 11 - klass.year, rng.int(1, 12), rng.int(1, 28)) + (rng.chance(0.1) ? 365 : 0);
    pupils.push([number, name.firstName, prefixMatch ? prefixMatch[1].trim() : "", prefixMatch ? prefixMatch[2] : surname, dmy(birth), klass.name, String(klass.year), klass.track]);
    if (family) {
      for (const g of family.guardians) guardians.push([number, ...g.slice(1)]);
      continue;
    }
    const rows = familyOf(rng, number, origin, surname, i);
    guardians.push(...rows);
    siblingOf = { guardians: rows, origin, surname };
  }
  const results = resultRows(rng, classes, pupils, days);
  const absences = absenceRows(rng, pupils, days);
  return {
    classes: { name: "klassen.csv", rows: [["Klas", "Leerjaar", "Profiel/Leerweg"], ...classes.map((c) => [c.name, String(c.year), c.track])] },
    mentors: { name: "mentoren.csv", rows: [["Klas", "Mentor", "E-mail mentor"], ...mentors] },
    pupils: { name: "leerlingen.xlsx", rows: [["Leerlingnummer", "Roepnaam", "Tussenvoegsel", "Achternaam", "Geboortedatum", "Klas", "Leerjaar", "Profiel/Leerweg"], ...pupils] },
    guardians: { name: "verzorgers.csv", rows: [["Leerlingnummer", "Verzorger roepnaam", "Verzorger tussenvoegsel", "Verzorger achternaam", "Relatie", "Gezag", "Verzorger e-mail", "Verzorger mobiel", "Taal", "Huishouden"], ...guardians] },
    subjects: { name: "vakken.csv", rows: [["Vakcode", "Vaknaam"], ...SUBJECTS.map(([c, n]) => [c, n])] },
    results: { name: "cijfers.csv", rows: [["Leerlingnummer", "Klas", "Vak", "Omschrijving", "Datum", "Weging", "Periode", "Cijfer"], ...results] },
    absences: { name: "verzuim.csv", rows: [["Leerlingnummer", "Datum", "Lesuur", "Soort", "Minuten", "Opmerking"], ...absences] },
  };
}

/** Two parents (one household, or two after a separation — one in ten without parental authority of the new partner), sometimes one. */
function familyOf(rng: Rng, number: string, origin: Origin, surname: string, index: number): string[][] {
  const split = rng.chance(0.18);
  const address = () => `${rng.pick(STREETS)} ${rng.int(1, 140)}, ${rng.pick(PLACES)}`;
  const home = address();
  const language = rng.pick(LANGUAGE[origin]);
  const parent = (relation: string, sex: "female" | "male", household: string, withEmail: boolean) => {
    const n = personName(rng, origin, sex, true);
    const last = relation === "Vader" ? surname : n.lastName;
    const prefix = /^((?:[a-z']+\s)+)(.*)$/.exec(last);
    const email = withEmail ? `${asciiWord(n.firstName)}.${asciiWord(last, "")}${index}@voorbeeldmail.test` : "";
    const mobile = `06 ${rng.int(10, 58)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}`;
    return [number, n.firstName, prefix ? prefix[1].trim() : "", prefix ? prefix[2] : last, relation, "ja", email, mobile, language, household];
  };
  const rows = [parent("Moeder", "female", home, index % 40 !== 7)];
  if (rng.chance(0.9)) rows.push(parent("Vader", "male", split ? address() : home, true));
  if (split && rng.chance(0.3)) {
    const partner = parent("Stiefouder", rng.chance(0.5) ? "female" : "male", rows[0][9], true);
    partner[5] = "nee";
    rows.push(partner);
  }
  return rows;
}

function resultRows(rng: Rng, classes: { name: string }[], pupils: string[][], days: Day[]): string[][] {
  const rows: string[][] = [];
  const byClass = new Map<string, string[][]>();
  for (const p of pupils) byClass.set(p[5], [...(byClass.get(p[5]) ?? []), p]);
  const periodOf = (day: Day) => (day < days[0] + 77 ? 1 : day < days[0] + 154 ? 2 : day < days[0] + 231 ? 3 : 4);
  for (const klass of classes) {
    for (const [code] of SUBJECTS) {
      let chapter = 1;
      for (let i = rng.int(8, 14); i < days.length; i += rng.int(11, 15)) {
        const day = days[i];
        const kind = rng.pick(TESTS);
        const description = kind.endsWith("hoofdstuk") ? `${kind} ${chapter++}` : `${kind} ${chapter}`;
        const weight = kind.startsWith("Proefwerk") ? 3 : kind.startsWith("SO") ? 1 : 2;
        for (const p of byClass.get(klass.name) ?? []) {
          const grade = code === "lo" ? rng.pick(["V", "V", "G", "O"]) : comma(Math.min(10, Math.max(1, rng.normal(6.7, 1.3))));
          rows.push([p[0], klass.name, code, description, dmy(day), String(weight), String(periodOf(day)), grade]);
        }
      }
    }
  }
  return rows;
}

function absenceRows(rng: Rng, pupils: string[][], days: Day[]): string[][] {
  const rows: string[][] = [];
  for (const p of pupils) {
    const used = new Set<Day>();
    for (let k = rng.int(0, 3); k > 0; k--) {
      const day = rng.pick(days);
      if (used.has(day)) continue;
      used.add(day);
      const roll = rng.next();
      if (roll < 0.45) for (let h = 1; h <= 6; h++) rows.push([p[0], dmy(day), String(h), "ziek", "", ""]);
      else if (roll < 0.7) rows.push([p[0], dmy(day), String(rng.int(1, 3)), "te laat", String(rng.int(3, 25)), "bus te laat"]);
      else if (roll < 0.85) rows.push([p[0], dmy(day), String(rng.int(2, 6)), "geoorloofd", "", "tandarts"]);
      else if (roll < 0.95) rows.push([p[0], dmy(day), String(rng.int(1, 8)), "ongeoorloofd", "", ""]);
      else rows.push([p[0], dmy(day), String(rng.int(2, 7)), "verwijderd uit de les", "", ""]);
    }
  }
  return rows;
}
