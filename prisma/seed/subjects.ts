import type { SchoolKind } from "../../lib/generated/prisma/enums";
import type { Rng } from "./random";
import type { ClassPlan } from "./schools";

// Subjects a school offers, which of them a class takes, and what its tests
// are called. Judged subjects (physical education, work placement) get
// O/V/G instead of a grade.

type Family = "language" | "exact" | "social" | "arts" | "sport" | "vocational" | "placement" | "citizenship";
export type SubjectDef = { code: string; name: string; family: Family };

const VO: SubjectDef[] = [
  { code: "ne", name: "Nederlands", family: "language" },
  { code: "en", name: "Engels", family: "language" },
  { code: "fa", name: "Frans", family: "language" },
  { code: "du", name: "Duits", family: "language" },
  { code: "wi", name: "Wiskunde", family: "exact" },
  { code: "na", name: "Natuurkunde", family: "exact" },
  { code: "sk", name: "Scheikunde", family: "exact" },
  { code: "nask", name: "Nask (natuur- en scheikunde)", family: "exact" },
  { code: "bi", name: "Biologie", family: "exact" },
  { code: "gs", name: "Geschiedenis", family: "social" },
  { code: "ak", name: "Aardrijkskunde", family: "social" },
  { code: "ec", name: "Economie", family: "social" },
  { code: "ma", name: "Maatschappijleer", family: "social" },
  { code: "ckv", name: "CKV", family: "arts" },
  { code: "mu", name: "Muziek", family: "arts" },
  { code: "te", name: "Tekenen", family: "arts" },
  { code: "lo", name: "Lichamelijke opvoeding", family: "sport" },
  { code: "zw", name: "Zorg en welzijn", family: "vocational" },
  { code: "eo", name: "Economie en ondernemen", family: "vocational" },
  { code: "bwi", name: "Bouwen, wonen en interieur", family: "vocational" },
];

const MBO_COMMON: SubjectDef[] = [
  { code: "ne", name: "Nederlands", family: "language" },
  { code: "en", name: "Engels", family: "language" },
  { code: "re", name: "Rekenen", family: "exact" },
  { code: "lb", name: "Loopbaan en burgerschap", family: "citizenship" },
  { code: "bpv", name: "Beroepspraktijkvorming (stage)", family: "placement" },
];
const MBO_PROGRAMMES: SubjectDef[][] = [
  [{ code: "ict-sb", name: "ICT: systeembeheer", family: "vocational" }, { code: "ict-pr", name: "ICT: programmeren", family: "vocational" }],
  [{ code: "zw-vz", name: "Zorg: persoonlijke verzorging", family: "vocational" }, { code: "zw-cb", name: "Zorg: communicatie en begeleiding", family: "vocational" }],
  [{ code: "tb-el", name: "Techniek: elektrotechniek", family: "vocational" }, { code: "tb-in", name: "Techniek: installatietechniek", family: "vocational" }],
  [{ code: "hr-ke", name: "Horeca: keuken", family: "vocational" }, { code: "hr-gh", name: "Horeca: gastheerschap", family: "vocational" }],
];

export function subjectsOffered(kind: SchoolKind): SubjectDef[] {
  if (kind === "MBO") return [...MBO_COMMON, ...MBO_PROGRAMMES.flat()];
  const vmboOnly = new Set(["nask", "zw", "eo", "bwi"]);
  const havoVwoOnly = new Set(["na", "sk", "fa"]);
  if (kind === "VMBO") return VO.filter((s) => !havoVwoOnly.has(s.code));
  if (kind === "HAVO_VWO") return VO.filter((s) => !vmboOnly.has(s.code));
  return VO;
}

/** Codes of the subjects a class takes; `variant` spreads profiles over parallel classes. */
export function classSubjects(plan: ClassPlan, variant: number): string[] {
  const { track, year } = plan;
  if (track.startsWith("MBO")) return [...MBO_COMMON.map((s) => s.code), ...MBO_PROGRAMMES[variant % 4].map((s) => s.code)];
  if (track.startsWith("VMBO")) {
    if (year <= 2) return ["ne", "en", "wi", "gs", "ak", "bi", "nask", "lo", "te", ...(track === "VMBO_B" ? [] : ["du"])];
    const profile = ["zw", "eo", "bwi"][variant % 3];
    return ["ne", "en", "wi", "nask", "ec", "lo", "ma", profile, ...(year === 3 ? ["ckv"] : [])];
  }
  if (year === 1) return ["ne", "en", "fa", "wi", "gs", "ak", "bi", "lo", "mu", "te"];
  if (year <= 3) return ["ne", "en", "fa", "du", "wi", "gs", "ak", "bi", "na", "lo", ...(year === 3 ? ["sk"] : [])];
  const profile = variant % 2 === 0 ? ["ec", "gs", "ak", "du"] : ["bi", "sk", "na"];
  return ["ne", "en", "wi", "lo", ...(plan.examYear ? [] : ["ma", "ckv"]), ...profile];
}

export function isJudged(subject: SubjectDef): boolean {
  return subject.family === "sport" || subject.family === "placement";
}

/** School days between two tests of a subject: most every 2–3 weeks. */
export function cadence(subject: SubjectDef): [number, number] {
  if (subject.family === "sport" || subject.family === "placement") return [15, 25];
  if (subject.family === "arts" || subject.family === "citizenship") return [14, 22];
  return [9, 15];
}

type Template = { text: string; weight: number; chapter?: boolean };
const TEMPLATES: Record<Family, Template[]> = {
  language: [
    { text: "SO woordjes hoofdstuk {h}", weight: 1, chapter: true },
    { text: "Toets hoofdstuk {h}", weight: 2, chapter: true },
    { text: "Leesvaardigheid", weight: 2 },
    { text: "Luistertoets", weight: 1 },
    { text: "Grammatica", weight: 1 },
    { text: "Schrijfopdracht", weight: 2 },
    { text: "Spreekopdracht", weight: 1 },
  ],
  exact: [
    { text: "SO hoofdstuk {h}", weight: 1, chapter: true },
    { text: "Toets hoofdstuk {h}", weight: 2, chapter: true },
    { text: "Proefwerk hoofdstuk {h}", weight: 3, chapter: true },
    { text: "Practicumverslag", weight: 1 },
    { text: "Praktische opdracht", weight: 2 },
  ],
  social: [
    { text: "Toets hoofdstuk {h}", weight: 2, chapter: true },
    { text: "SO paragraaf {h}.2", weight: 1, chapter: true },
    { text: "Praktische opdracht", weight: 2 },
    { text: "Werkstuk", weight: 2 },
    { text: "Presentatie", weight: 1 },
  ],
  arts: [
    { text: "Praktische opdracht", weight: 2 },
    { text: "Eindwerkstuk", weight: 2 },
    { text: "Presentatie", weight: 1 },
    { text: "Kunstdossier", weight: 1 },
  ],
  sport: [
    { text: "Beoordeling atletiek", weight: 1 },
    { text: "Beoordeling turnen", weight: 1 },
    { text: "Beoordeling balsporten", weight: 1 },
    { text: "Beoordeling conditie", weight: 1 },
    { text: "Inzet en sportiviteit", weight: 1 },
  ],
  vocational: [
    { text: "Praktijkopdracht", weight: 2 },
    { text: "Kennistoets module {h}", weight: 2, chapter: true },
    { text: "Beroepsopdracht", weight: 3 },
    { text: "Vaardigheidstoets", weight: 1 },
  ],
  placement: [
    { text: "Voortgangsgesprek stage", weight: 1 },
    { text: "Beoordeling werkhouding", weight: 1 },
    { text: "Stageopdracht {h}", weight: 1, chapter: true },
  ],
  citizenship: [
    { text: "Burgerschapsopdracht", weight: 1 },
    { text: "Loopbaanreflectie", weight: 1 },
    { text: "Presentatie", weight: 1 },
  ],
};

/** Names and weights the next test of a subject; `chapter` counts up per class and subject. */
export function describeAssessment(rng: Rng, subject: SubjectDef, examYear: boolean, chapter: { value: number }): { description: string; weight: number } {
  const template = rng.pick(TEMPLATES[subject.family]);
  let description = template.text;
  if (template.chapter) {
    chapter.value += 1;
    description = description.replace("{h}", String(chapter.value));
  }
  // School-exam tests (schoolexamen, PTA) count heavier in the exam year.
  if (examYear && template.weight >= 2 && !isJudged(subject) && rng.chance(0.4)) {
    return { description: `SE ${description.charAt(0).toLowerCase()}${description.slice(1)}`, weight: 4 };
  }
  return { description, weight: template.weight };
}
