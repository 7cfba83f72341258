// School words a parent meets on the child page, each explained in plain
// language in the catalogue area `schoolWords` (all six languages).

/** Kinds of test, found by the first word(s) of a test's description. */
export const ASSESSMENT_KINDS = ["so", "pw", "oral", "po", "se", "ce", "resit", "pta"] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/** Tracks and levels (ClassGroup.track, School.levels) plus the two kinds of higher education. */
export const TRACKS = ["VMBO_B", "VMBO_K", "VMBO_GT", "HAVO", "VWO", "MBO_1", "MBO_2", "MBO_3", "MBO_4", "HBO", "WO"] as const;
export type TrackWord = (typeof TRACKS)[number];

export function isTrackWord(value: string): value is TrackWord {
  return (TRACKS as readonly string[]).includes(value);
}

// Leading words, compared without case and accents; a number stuck to the
// word counts as part of it ("SO1", "PW 3" both start with their kind).
const LEADS: readonly [readonly string[], AssessmentKind][] = [
  [["praktische", "opdracht"], "po"],
  [["centraal", "examen"], "ce"],
  [["so"], "so"],
  [["pw"], "pw"],
  [["proefwerk"], "pw"],
  [["mondeling"], "oral"],
  [["mondelinge"], "oral"],
  [["po"], "po"],
  [["se"], "se"],
  [["schoolexamen"], "se"],
  [["ce"], "ce"],
  [["herkansing"], "resit"],
  [["pta"], "pta"],
];

const plain = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\d+$/, "");

/**
 * The kind of test a description starts with, and where the words that name it
 * end: "SO paragraaf 3.2" → { kind: "so", lead: "SO", rest: " paragraaf 3.2" }.
 * The description itself stays the school's text; only its start is explained.
 */
export function assessmentKindOf(description: string): { kind: AssessmentKind; lead: string; rest: string } | null {
  const tokens: { word: string; end: number }[] = [];
  for (const match of description.matchAll(/[\p{L}\p{N}]+/gu)) {
    tokens.push({ word: plain(match[0]), end: match.index + match[0].length });
    if (tokens.length === 2) break;
  }
  // Only the first word(s) count: "Toets SO-stof" is not an SO.
  if (!tokens.length) return null;
  for (const [lead, kind] of LEADS) {
    if (lead.length > tokens.length) continue;
    if (lead.every((word, i) => tokens[i].word === word)) {
      const end = tokens[lead.length - 1].end;
      return { kind, lead: description.slice(0, end), rest: description.slice(end) };
    }
  }
  return null;
}
