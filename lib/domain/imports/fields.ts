import type { ImportFileKind } from "@/lib/generated/prisma/enums";

// The kinds of file an import understands, their fields, and the column
// headers Dutch administration systems (Magister, SOMtoday, Eduarte) use for
// them. Free of zod and Prisma's runtime: the mapping form imports it.

export const FILE_KINDS = ["CLASSES", "MENTORSHIPS", "PUPILS", "GUARDIANS", "SUBJECTS", "RESULTS", "ABSENCES"] as const satisfies readonly ImportFileKind[];

/** The order in which a set is checked and applied: what a row refers to comes first. */
export const APPLY_ORDER: readonly ImportFileKind[] = ["CLASSES", "MENTORSHIPS", "PUPILS", "GUARDIANS", "SUBJECTS", "RESULTS", "ABSENCES"];

/** How many files one import may hold, and how large each may be. */
export const MAX_FILES = 8;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = [".csv", ".txt", ".xlsx"] as const;

type FieldSpec = { required: boolean; aliases: string[] };

/** A file's own BRIN, accepted in every kind: a file for another school is refused. */
const BRIN: FieldSpec = { required: false, aliases: ["brin", "brinnummer", "brincode", "instellingscode"] };
const STUDENT_NUMBER: FieldSpec = { required: true, aliases: ["leerlingnummer", "llnr", "leerlingnr", "stamnummer", "studentnummer", "leerlingid"] };
const CLASS_NAME: FieldSpec = { required: true, aliases: ["klas", "klasnaam", "stamgroep", "basisgroep", "groep", "klascode"] };

export const KIND_FIELDS = {
  CLASSES: {
    className: CLASS_NAME,
    year: { required: true, aliases: ["leerjaar", "jaar", "jaarlaag"] },
    track: { required: true, aliases: ["profielleerweg", "leerweg", "profiel", "niveau", "opleiding", "schoolsoort", "afdeling", "studie"] },
    brin: BRIN,
  },
  MENTORSHIPS: {
    className: CLASS_NAME,
    mentorName: { required: true, aliases: ["mentor", "naammentor", "mentornaam", "docent", "naam"] },
    mentorEmail: { required: true, aliases: ["emailmentor", "mentoremail", "email", "emailadres", "mentoremailadres"] },
    mentorPhone: { required: false, aliases: ["telefoonmentor", "mentortelefoon", "telefoon", "mobiel"] },
    brin: BRIN,
  },
  PUPILS: {
    studentNumber: STUDENT_NUMBER,
    firstName: { required: true, aliases: ["roepnaam", "voornaam", "voornamen"] },
    prefix: { required: false, aliases: ["tussenvoegsel", "tussenvoegsels", "voorvoegsel"] },
    lastName: { required: true, aliases: ["achternaam", "geslachtsnaam", "familienaam"] },
    birthDate: { required: true, aliases: ["geboortedatum", "geboren", "gebdatum"] },
    className: CLASS_NAME,
    year: { required: false, aliases: ["leerjaar", "jaarlaag"] },
    track: { required: false, aliases: ["profielleerweg", "leerweg", "profiel", "niveau", "opleiding", "schoolsoort"] },
    brin: BRIN,
  },
  GUARDIANS: {
    studentNumber: STUDENT_NUMBER,
    name: { required: false, aliases: ["naamverzorger", "verzorger", "naamouder", "ouderverzorger", "volledigenaam"] },
    firstName: { required: false, aliases: ["verzorgerroepnaam", "verzorgervoornaam", "roepnaamverzorger", "voornaamverzorger", "voorletters", "verzorgervoorletters", "roepnaam", "voornaam"] },
    prefix: { required: false, aliases: ["verzorgertussenvoegsel", "tussenvoegselverzorger", "tussenvoegsel"] },
    lastName: { required: false, aliases: ["verzorgerachternaam", "achternaamverzorger", "achternaam"] },
    email: { required: false, aliases: ["verzorgeremail", "emailverzorger", "email", "emailadres", "emailouder"] },
    mobile: { required: false, aliases: ["verzorgermobiel", "mobielverzorger", "mobiel", "mobielnummer", "telefoonmobiel", "telefoon", "telefoonnummer"] },
    relationship: { required: true, aliases: ["relatie", "relatietotleerling", "verzorgertype", "soortverzorger", "rol"] },
    authority: { required: true, aliases: ["gezag", "ouderlijkgezag", "wettelijkgezag", "gezaghebbend"] },
    language: { required: false, aliases: ["taal", "correspondentietaal", "voorkeurstaal", "thuistaal"] },
    household: { required: false, aliases: ["huishouden", "gezin", "adres", "huishoudnummer", "woonadres"] },
    brin: BRIN,
  },
  SUBJECTS: {
    subjectCode: { required: true, aliases: ["vakcode", "vak", "afkorting", "vakafkorting"] },
    subjectName: { required: true, aliases: ["vaknaam", "omschrijving", "naam", "vakomschrijving"] },
    brin: BRIN,
  },
  RESULTS: {
    studentNumber: STUDENT_NUMBER,
    subjectCode: { required: true, aliases: ["vak", "vakcode", "vakafkorting"] },
    subjectName: { required: false, aliases: ["vaknaam", "vakomschrijving"] },
    description: { required: true, aliases: ["omschrijving", "toets", "toetsomschrijving", "kolom", "kolomnaam", "toetsnaam"] },
    date: { required: true, aliases: ["datum", "toetsdatum", "afnamedatum"] },
    weight: { required: true, aliases: ["weging", "weegfactor", "wegingsfactor", "gewicht"] },
    period: { required: false, aliases: ["periode", "periodenummer", "rapportperiode"] },
    grade: { required: true, aliases: ["cijfer", "resultaat", "score", "beoordeling"] },
    className: { required: false, aliases: ["klas", "lesgroep", "klasnaam"] },
    brin: BRIN,
  },
  ABSENCES: {
    studentNumber: STUDENT_NUMBER,
    date: { required: true, aliases: ["datum", "verzuimdatum"] },
    lessonHour: { required: true, aliases: ["lesuur", "uur", "lesuurnummer"] },
    kind: { required: true, aliases: ["soort", "verzuimsoort", "type", "verzuimtype", "absentiesoort", "reden"] },
    minutes: { required: false, aliases: ["minuten", "aantalminuten", "duur"] },
    reason: { required: false, aliases: ["opmerking", "toelichting", "omschrijving", "notitie"] },
    brin: BRIN,
  },
} as const satisfies Record<ImportFileKind, Record<string, FieldSpec>>;

export type FieldOf<K extends ImportFileKind> = keyof (typeof KIND_FIELDS)[K] & string;
export type AnyField = { [K in ImportFileKind]: FieldOf<K> }[ImportFileKind];

/** A mapping to this value means "leave this column out". */
export const IGNORE = "ignore";

export function fieldsOf(kind: ImportFileKind): string[] {
  return Object.keys(KIND_FIELDS[kind]);
}

export function isFieldOf(kind: ImportFileKind, field: string): boolean {
  return Object.hasOwn(KIND_FIELDS[kind], field);
}

/** "Profiel/Leerweg" → "profielleerweg", "E-mail verzorger" → "emailverzorger": lower case, letters and digits only. */
export function normaliseHeader(header: string): string {
  return header.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]/g, "");
}
