import { compactKey, words } from "@/lib/domain/school-words/normalise";

// The standard subjects of Dutch secondary schools (vo and mbo) with the
// abbreviations and names schools use for them. A school's own subject
// (code + name, typed by the school or imported) maps onto one of these at
// display time, so the parent reads it in their language
// (catalogue area `schoolWords`, `subjects.<key>`); one that maps onto none
// keeps the school's own name.
//
// `names` and `codes` are compared without case, accents, spaces and
// punctuation. `lettered`: the subject comes in variants A/B/C/D
// (wiskunde A, "wib"), so a trailing letter of its code is ignored.

type Entry = { key: string; codes: readonly string[]; names: readonly string[]; lettered?: boolean };

export const SUBJECTS = [
  { key: "dutch", codes: ["ne", "net", "netl", "ned", "nl"], names: ["Nederlands", "Nederlandse taal", "Nederlandse taal en literatuur"] },
  { key: "english", codes: ["en", "entl", "eng", "ene"], names: ["Engels", "Engelse taal", "Engelse taal en literatuur"] },
  { key: "french", codes: ["fa", "fatl", "fr", "fra"], names: ["Frans", "Franse taal", "Franse taal en literatuur"] },
  { key: "german", codes: ["du", "dutl", "de", "dui"], names: ["Duits", "Duitse taal", "Duitse taal en literatuur"] },
  { key: "spanish", codes: ["sp", "spa", "sptl"], names: ["Spaans", "Spaanse taal en literatuur"] },
  { key: "turkish", codes: ["tu", "tur", "tutl"], names: ["Turks", "Turkse taal en literatuur"] },
  { key: "arabic", codes: ["ar", "arab", "artl"], names: ["Arabisch", "Arabische taal en literatuur"] },
  { key: "latin", codes: ["la", "lat", "ltc"], names: ["Latijn", "Latijnse taal en cultuur"] },
  { key: "greek", codes: ["gr", "grc"], names: ["Grieks", "Griekse taal en cultuur"] },
  { key: "classicalCulture", codes: ["kcv"], names: ["Klassieke culturele vorming"] },
  { key: "mathematics", codes: ["wi", "wis", "wsk", "wa", "wb", "wc", "wd"], names: ["Wiskunde"], lettered: true },
  { key: "arithmetic", codes: ["re", "rek"], names: ["Rekenen", "Rekenvaardigheid"] },
  { key: "physics", codes: ["na", "nat"], names: ["Natuurkunde"] },
  { key: "chemistry", codes: ["sk", "sch", "schk"], names: ["Scheikunde"] },
  { key: "physicsChemistry", codes: ["nask", "nsk", "ns"], names: ["Nask", "NaSk", "Natuur- en scheikunde", "Natuurkunde en scheikunde", "Natuur en scheikunde"] },
  { key: "biology", codes: ["bi", "bio", "biol"], names: ["Biologie"] },
  { key: "natureLifeTechnology", codes: ["nlt"], names: ["Natuur, leven en technologie"] },
  { key: "generalScience", codes: ["an", "anw"], names: ["Anw", "Algemene natuurwetenschappen"] },
  { key: "history", codes: ["gs", "ges", "gesch", "gsk"], names: ["Geschiedenis", "Geschiedenis en staatsinrichting"] },
  { key: "geography", codes: ["ak", "aar"], names: ["Aardrijkskunde"] },
  { key: "economics", codes: ["ec", "eco", "econ"], names: ["Economie"] },
  { key: "businessEconomics", codes: ["mo", "m&o", "beco", "bec"], names: ["Management en organisatie", "Bedrijfseconomie"] },
  { key: "humanSociety", codes: ["m&m", "mm", "mens"], names: ["Mens en maatschappij"] },
  { key: "socialStudies", codes: ["ma", "maat", "mal"], names: ["Maatschappijleer"] },
  { key: "socialSciences", codes: ["maw", "mak"], names: ["Maatschappijwetenschappen", "Maatschappijkunde"] },
  { key: "physicalEducation", codes: ["lo", "gym"], names: ["Lichamelijke opvoeding", "Gym", "Gymnastiek", "Bewegingsonderwijs"] },
  { key: "sportSociety", codes: ["bsm"], names: ["Bewegen, sport en maatschappij"] },
  { key: "artsCulture", codes: ["ckv"], names: ["CKV", "Culturele en kunstzinnige vorming"] },
  { key: "music", codes: ["mu", "muz"], names: ["Muziek"] },
  { key: "drawing", codes: ["te", "tek"], names: ["Tekenen"] },
  { key: "visualArts", codes: ["be", "bv", "bev", "kubv"], names: ["Beeldende vorming", "Beeldend", "Beeldende kunst", "Kunst beeldend"] },
  { key: "handicraft", codes: ["ha", "hv"], names: ["Handvaardigheid"] },
  { key: "drama", codes: ["dr"], names: ["Drama", "Toneel"] },
  { key: "dance", codes: ["da"], names: ["Dans"] },
  { key: "computerScience", codes: ["in", "inf", "info"], names: ["Informatica"] },
  { key: "philosophy", codes: ["fi", "fil"], names: ["Filosofie"] },
  { key: "religion", codes: ["lv", "gd", "god"], names: ["Levensbeschouwing", "Godsdienst", "Godsdienst en levensbeschouwing"] },
  { key: "technology", codes: ["tn", "tech"], names: ["Techniek"] },
  { key: "careerGuidance", codes: ["lob"], names: ["Loopbaanoriëntatie", "Loopbaanoriëntatie en -begeleiding"] },
  { key: "mentorLesson", codes: ["ml", "mentor"], names: ["Mentorles", "Mentoruur"] },
  { key: "careerCitizenship", codes: ["lb", "l&b"], names: ["Loopbaan en burgerschap"] },
  { key: "workPlacement", codes: ["bpv", "stage"], names: ["Beroepspraktijkvorming", "Stage"] },
  // vmbo profiles (beroepsgerichte profielvakken).
  { key: "careWelfare", codes: ["zw", "z&w"], names: ["Zorg en welzijn"] },
  { key: "economyEnterprise", codes: ["eo", "e&o"], names: ["Economie en ondernemen"] },
  { key: "buildingInterior", codes: ["bwi"], names: ["Bouwen, wonen en interieur"] },
  { key: "productionInstallationEnergy", codes: ["pie"], names: ["Produceren, installeren en energie"] },
  { key: "mobilityTransport", codes: ["mt", "m&t"], names: ["Mobiliteit en transport"] },
  { key: "mediaDesignIct", codes: ["mvi"], names: ["Media, vormgeving en ict"] },
  { key: "hospitalityBakeryRecreation", codes: ["hbr"], names: ["Horeca, bakkerij en recreatie"] },
  { key: "servicesProducts", codes: ["dp", "d&p"], names: ["Dienstverlening en producten"] },
  { key: "maritimeTechnology", codes: ["mart"], names: ["Maritiem en techniek"] },
  { key: "green", codes: ["groen"], names: ["Groen"] },
  // mbo programme subjects (the demo's and common ones).
  { key: "ictSystemAdministration", codes: [], names: ["ICT: systeembeheer", "Systeembeheer"] },
  { key: "ictProgramming", codes: [], names: ["ICT: programmeren", "Programmeren"] },
  { key: "carePersonal", codes: [], names: ["Zorg: persoonlijke verzorging", "Persoonlijke verzorging"] },
  { key: "careCommunication", codes: [], names: ["Zorg: communicatie en begeleiding", "Communicatie en begeleiding"] },
  { key: "electricalEngineering", codes: [], names: ["Techniek: elektrotechniek", "Elektrotechniek"] },
  { key: "installationTechnology", codes: [], names: ["Techniek: installatietechniek", "Installatietechniek"] },
  { key: "kitchen", codes: [], names: ["Horeca: keuken", "Keuken"] },
  { key: "hosting", codes: [], names: ["Horeca: gastheerschap", "Gastheerschap"] },
] as const satisfies readonly Entry[];

export type SubjectKey = (typeof SUBJECTS)[number]["key"];

// Words after a subject's name that say which variant, level or year it is:
// "Wiskunde A", "Engels havo", "Duits 2", "Biologie bovenbouw".
const QUALIFIERS = new Set(["a", "b", "c", "d", "havo", "vwo", "vmbo", "mavo", "bb", "kb", "gl", "tl", "gt", "mbo", "atheneum", "gymnasium", "onderbouw", "bovenbouw", "klas", "leerjaar", "jaar", "niveau", "pta", "se"]);

// Built once per process: a look-up is a few Map gets.
const byName = new Map<string, SubjectKey>();
const byCode = new Map<string, SubjectKey>();
const lettered = new Set<SubjectKey>();
for (const entry of SUBJECTS as readonly (Entry & { key: SubjectKey })[]) {
  for (const name of entry.names) byName.set(words(name).join(""), entry.key);
  for (const code of entry.codes) byCode.set(compactKey(code, "en"), entry.key);
  if (entry.lettered) lettered.add(entry.key);
}

function byCodeOf(text: string): SubjectKey | null {
  const code = compactKey(text, "en");
  if (!code) return null;
  const exact = byCode.get(code);
  if (exact) return exact;
  // "nask1", "du2", "lo 1"
  const noDigits = code.replace(/\d+$/, "");
  const withoutDigits = noDigits !== code ? byCode.get(noDigits) : undefined;
  if (withoutDigits) return withoutDigits;
  // "wib", "wisA": only for subjects with lettered variants ("lob" is not "lo").
  const noLetter = byCode.get(noDigits.replace(/[a-d]$/, ""));
  return noLetter && lettered.has(noLetter) ? noLetter : null;
}

/** The subject a name is, and whether the whole name was a catalogue name (false: words like "B", "2" or "havo" were left off). */
function byNameOf(text: string): { key: SubjectKey; whole: boolean } | null {
  const parts = words(text);
  for (let whole = true; ; whole = false) {
    if (!parts.length) return null;
    const joined = parts.join("");
    const exact = byName.get(joined);
    if (exact) return { key: exact, whole };
    // "nask1": a number stuck to the name.
    const numbered = byName.get(joined.replace(/\d+$/, ""));
    if (numbered) return { key: numbered, whole: false };
    if (parts.length < 2 || !(QUALIFIERS.has(parts.at(-1)!) || /^\d+$/.test(parts.at(-1)!))) return null;
    parts.pop();
  }
}

export type SubjectMatch = {
  key: SubjectKey;
  /** The school's name is the catalogue subject itself; false when it names a variant ("Wiskunde B", "NaSk1") or was not found by its name. */
  whole: boolean;
};

/**
 * The catalogue subject a school's subject is, or null. The name decides
 * ("Wiskunde B", "Engels (havo)", "NaSk1", or an abbreviation used as the
 * name); only when the name is unknown does the code count ("ak").
 */
export function matchSubjectDetail(subject: { code?: string | null; name: string }): SubjectMatch | null {
  const byItsName = byNameOf(subject.name);
  if (byItsName) return byItsName;
  const nameAsCode = byCodeOf(subject.name);
  if (nameAsCode) return { key: nameAsCode, whole: byCode.has(compactKey(subject.name, "en")) };
  const code = subject.code ? byCodeOf(subject.code) : null;
  // Found by the code alone: the name says something the catalogue does not (unless there is none).
  return code ? { key: code, whole: !subject.name.trim() } : null;
}

/** matchSubjectDetail's subject only. */
export function matchSubject(subject: { code?: string | null; name: string }): SubjectKey | null {
  return matchSubjectDetail(subject)?.key ?? null;
}
