import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { AbsenceKind, Locale, Relationship } from "@/lib/generated/prisma/enums";
import { calendarDay } from "@/lib/domain/calendar/day-input";

// Values as Dutch administration systems write them. Each parser answers the
// value, or null when the text is not one (the caller reports the line).

const fold = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().trim().replace(/\s+/g, " ");

/** A calendar date as UTC midnight: dd-mm-jjjj (also d-m-jj, with / or .) or ISO jjjj-mm-dd. */
export function parseDutchDate(text: string): Date | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(t))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    // Two-digit years: up to 20 years ahead is this century (a birth date never is).
    if (match[3].length === 2) y += y <= (new Date().getUTCFullYear() % 100) + 20 ? 2000 : 1900;
  } else return null;
  // The shared check: a day that exists (31-02-2026 is refused, not rolled over to March).
  return calendarDay(y, m, d);
}

/** A whole number ("3", "3,0"); null otherwise. */
export function parseInteger(text: string): number | null {
  const t = text.trim().replace(/[,.]0+$/, "");
  return /^-?\d{1,9}$/.test(t) ? Number(t) : null;
}

/** A decimal with a comma or a point ("7,5", "7.5"); null otherwise. */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(",", ".");
  return /^-?\d{1,3}(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** Judgements that are not grades: onvoldoende, voldoende, goed, zeer goed (and the usual abbreviations). */
const JUDGEMENTS: Record<string, string> = { o: "O", onvoldoende: "O", v: "V", voldoende: "V", g: "G", goed: "G", zg: "ZG", "zeer goed": "ZG", m: "M", matig: "M" };

export type GradeValue = { grade: number; text: null } | { grade: null; text: string };

/** A grade 1,0–10,0 (rounded to one decimal), or a judgement (O/V/G/ZG/M). `outOfRange` for numbers outside the scale. */
export function parseGrade(text: string): GradeValue | "outOfRange" | null {
  const judgement = JUDGEMENTS[fold(text)];
  if (judgement) return { grade: null, text: judgement };
  const value = parseDecimal(text);
  if (value === null) return null;
  if (value < 1 || value > 10) return "outOfRange";
  return { grade: Math.round(value * 10) / 10, text: null };
}

const YES = new Set(["ja", "j", "yes", "y", "1", "true", "waar", "x"]);
const NO = new Set(["nee", "n", "no", "0", "false", "onwaar", ""]);

/** ja/nee (also j/n, 1/0, waar/onwaar); null otherwise. */
export function parseYesNo(text: string): boolean | null {
  const t = fold(text);
  if (YES.has(t)) return true;
  if (NO.has(t) && t !== "") return false;
  return null;
}

const RELATIONSHIPS: Record<string, Relationship> = {
  moeder: "MOTHER", mother: "MOTHER", mama: "MOTHER",
  vader: "FATHER", father: "FATHER", papa: "FATHER",
  verzorger: "CARER", verzorgster: "CARER", voogd: "CARER", pleegouder: "CARER", pleegmoeder: "CARER", pleegvader: "CARER", carer: "CARER", guardian: "CARER",
  stiefmoeder: "OTHER", stiefvader: "OTHER", stiefouder: "OTHER", grootouder: "OTHER", oma: "OTHER", opa: "OTHER", overig: "OTHER", anders: "OTHER", other: "OTHER", gezinsvoogd: "OTHER",
};

export function parseRelationship(text: string): Relationship | null {
  return RELATIONSHIPS[fold(text)] ?? null;
}

const ABSENCE_KINDS: Record<string, AbsenceKind> = {
  ziek: "SICK", ziekte: "SICK", ziekgemeld: "SICK", sick: "SICK",
  geoorloofd: "AUTHORISED", "geoorloofd verzuim": "AUTHORISED", "geoorloofd afwezig": "AUTHORISED", authorised: "AUTHORISED", verlof: "AUTHORISED", "bezoek arts": "AUTHORISED", dokter: "AUTHORISED",
  ongeoorloofd: "UNAUTHORISED", "ongeoorloofd verzuim": "UNAUTHORISED", "ongeoorloofd afwezig": "UNAUTHORISED", spijbelen: "UNAUTHORISED", unauthorised: "UNAUTHORISED",
  "te laat": "LATE", telaat: "LATE", laat: "LATE", late: "LATE",
  verwijderd: "REMOVED", "verwijderd uit de les": "REMOVED", "uit de les verwijderd": "REMOVED", eruitgestuurd: "REMOVED", removed: "REMOVED",
};

export function parseAbsenceKind(text: string): AbsenceKind | null {
  return ABSENCE_KINDS[fold(text)] ?? null;
}

/** vmbo-b/k/g/t, havo, vwo (also atheneum, gymnasium), mbo 1–4 → the track codes classes use. */
export function parseTrack(text: string): string | null {
  const t = fold(text).replace(/[-_/.]/g, " ").replace(/\s+/g, " ").trim();
  if (/^(vmbo )?(b|bb|basis|basisberoepsgerichte leerweg|basisberoeps)$/.test(t) || t === "vmbo b") return "VMBO_B";
  if (/^(vmbo )?(k|kb|kader|kaderberoepsgerichte leerweg|kaderberoeps)$/.test(t)) return "VMBO_K";
  if (/^(vmbo )?(g|gl|t|tl|gt|g t|gemengd|theoretisch|gemengde leerweg|theoretische leerweg|mavo)$/.test(t)) return "VMBO_GT";
  if (/^havo$/.test(t)) return "HAVO";
  if (/^(vwo|atheneum|gymnasium|vwo atheneum|vwo gymnasium)$/.test(t)) return "VWO";
  const mbo = /^mbo (?:niveau )?([1-4])$|^niveau ([1-4])$/.exec(t);
  if (mbo) return `MBO_${mbo[1] ?? mbo[2]}`;
  const code = text.trim().toUpperCase();
  return ["VMBO_B", "VMBO_K", "VMBO_GT", "HAVO", "VWO", "MBO_1", "MBO_2", "MBO_3", "MBO_4"].includes(code) ? code : null;
}

const LANGUAGES: Record<string, Locale> = {
  nederlands: "nl", nl: "nl", dutch: "nl", nld: "nl",
  engels: "en", en: "en", english: "en", eng: "en",
  arabisch: "ar", ar: "ar", arabic: "ar", ara: "ar", "العربية": "ar",
};

/** The portal's language for a guardian; `unsupported` for a language the portal does not offer yet (they get Dutch). */
export function parseLanguage(text: string): Locale | "unsupported" | null {
  const t = fold(text);
  if (t === "") return null;
  return LANGUAGES[t] ?? "unsupported";
}

/** A phone number in international form (+31612345678); Dutch numbers may be written nationally. Null when it is not a valid number. */
export function parsePhone(text: string): string | null {
  const phone = parsePhoneNumberFromString(text.trim(), "NL");
  return phone && phone.isValid() ? phone.number : null;
}

/** An e-mail address in lower case, or null when it does not look like one. */
export function parseEmail(text: string): string | null {
  const t = text.trim().toLowerCase();
  return t.length <= 254 && /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[a-z]{2,}$/.test(t) ? t : null;
}

/** Names compare without case, accents or extra spaces: "José  de Vries" = "jose de vries". */
export function sameName(a: string, b: string): boolean {
  return fold(a) === fold(b);
}

export function nameKey(name: string): string {
  return fold(name);
}

/** "de" + "Vries" → "de Vries"; whitespace tidied. */
export function joinName(...parts: (string | undefined)[]): string {
  return parts.map((p) => (p ?? "").trim()).filter(Boolean).join(" ").replace(/\s+/g, " ");
}
