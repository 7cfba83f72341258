import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { matchSubject, matchSubjectDetail, SUBJECTS } from "@/lib/domain/school-words/subjects";
import { ASSESSMENT_KINDS, assessmentKindOf, TRACKS } from "@/lib/domain/school-words/explained";
import { ABSENCE_KINDS } from "@/lib/domain/attendance/totals";
import { CONTACT_KINDS } from "@/lib/domain/contacts/fields";

// The six languages of issue 18; the area's files are complete in all six
// before the app supports the last three (the general catalogue test then covers them too).
const LANGUAGES = ["nl", "en", "ar", "tr", "pl", "uk"] as const;
type Area = { schoolWords: { explain: string; weight: string; subjects: Record<string, string>; assessmentKinds: Record<string, string>; tracks: Record<string, string>; absenceKinds: Record<string, string>; contactKinds: Record<string, string> } };
const area = (locale: string): Area["schoolWords"] =>
  (JSON.parse(readFileSync(path.resolve(__dirname, `../../i18n/messages/schoolWords/${locale}.json`), "utf8")) as Area).schoolWords;

describe("matchSubject", () => {
  it("finds a subject by its name or its abbreviation, in every language", () => {
    expect(matchSubject({ code: "ak", name: "Aardrijkskunde" })).toBe("geography");
    expect(matchSubject({ code: "x1", name: "aardrijkskunde " })).toBe("geography");
    expect(matchSubject({ code: "ak", name: "ak" })).toBe("geography");
    expect(matchSubject({ code: "ak", name: "" })).toBe("geography");
    expect(area("en").subjects.geography).toBe("Geography");
    expect(area("tr").subjects.geography).toBe("Coğrafya");
  });

  it("ignores case, accents, spaces and variants (Wiskunde B, NaSk1, Engels (havo))", () => {
    expect(matchSubject({ code: "wib", name: "Wiskunde B" })).toBe("mathematics");
    expect(matchSubject({ code: "wa", name: "WISKUNDE A" })).toBe("mathematics");
    expect(matchSubject({ code: "wisd", name: "wisD" })).toBe("mathematics");
    expect(matchSubject({ code: "nask1", name: "NaSk1" })).toBe("physicsChemistry");
    expect(matchSubject({ code: "nask", name: "Nask (natuur- en scheikunde)" })).toBe("physicsChemistry");
    expect(matchSubject({ code: "en", name: "Engels (havo)" })).toBe("english");
    expect(matchSubject({ code: "du", name: "Duits 2" })).toBe("german");
    expect(matchSubject({ code: "lo", name: "Lichamelijke  Opvoeding" })).toBe("physicalEducation");
    expect(matchSubject({ code: "lb", name: "Loopbaanoriëntatie" })).toBe("careerGuidance");
    expect(matchSubject({ code: "lob", name: "Loopbaanorientatie en -begeleiding" })).toBe("careerGuidance");
    expect(matchSubject({ code: "m&o", name: "M&O" })).toBe("businessEconomics");
    expect(matchSubject({ code: "bwi", name: "Bouwen, wonen en interieur" })).toBe("buildingInterior");
    expect(matchSubject({ code: "bpv", name: "Beroepspraktijkvorming (stage)" })).toBe("workPlacement");
  });

  it("lets the name decide over the code, and only stretches codes that have lettered variants", () => {
    // "te" is drawing in the demo; a school that calls its subject "Techniek" means technology.
    expect(matchSubject({ code: "te", name: "Techniek" })).toBe("technology");
    // "lob" is career guidance, not "lo" (physical education) with a letter.
    expect(matchSubject({ code: "lob", name: "lob" })).toBe("careerGuidance");
    expect(matchSubject({ code: "nad", name: "nad" })).toBeNull();
  });

  it("says when the school's name names a variant, so it can be shown with the translation", () => {
    expect(matchSubjectDetail({ code: "ak", name: "Aardrijkskunde" })).toEqual({ key: "geography", whole: true });
    expect(matchSubjectDetail({ code: "en", name: "Engels (havo)" })).toEqual({ key: "english", whole: true });
    expect(matchSubjectDetail({ code: "ak", name: "AK" })).toEqual({ key: "geography", whole: true });
    expect(matchSubjectDetail({ code: "wib", name: "Wiskunde B" })).toEqual({ key: "mathematics", whole: false });
    expect(matchSubjectDetail({ code: "nask1", name: "NaSk1" })).toEqual({ key: "physicsChemistry", whole: false });
    expect(matchSubjectDetail({ code: "wib", name: "wib" })).toEqual({ key: "mathematics", whole: false });
    expect(matchSubjectDetail({ code: "ak", name: "Aardrijkskunde en topografie" })).toEqual({ key: "geography", whole: false });
  });

  it("leaves an unknown subject unknown", () => {
    expect(matchSubject({ code: "ro", name: "Robotica" })).toBeNull();
    expect(matchSubject({ code: "", name: "Wiskunde en robotica" })).toBeNull();
    expect(matchSubject({ name: "" })).toBeNull();
  });

  it("knows every subject the demo and the import samples create", () => {
    const demo = ["Nederlands", "Engels", "Frans", "Duits", "Wiskunde", "Natuurkunde", "Scheikunde", "Nask (natuur- en scheikunde)", "Biologie", "Geschiedenis", "Aardrijkskunde",
      "Economie", "Maatschappijleer", "CKV", "Muziek", "Tekenen", "Lichamelijke opvoeding", "Zorg en welzijn", "Economie en ondernemen", "Bouwen, wonen en interieur",
      "Rekenen", "Loopbaan en burgerschap", "Beroepspraktijkvorming (stage)", "ICT: systeembeheer", "ICT: programmeren", "Zorg: persoonlijke verzorging",
      "Zorg: communicatie en begeleiding", "Techniek: elektrotechniek", "Techniek: installatietechniek", "Horeca: keuken", "Horeca: gastheerschap"];
    expect(demo.filter((name) => matchSubject({ name }) === null)).toEqual([]);
  });
});

describe("assessmentKindOf", () => {
  it("finds the kind of test at the start of a description and keeps the school's text", () => {
    expect(assessmentKindOf("SO paragraaf 3.2")).toEqual({ kind: "so", lead: "SO", rest: " paragraaf 3.2" });
    expect(assessmentKindOf("PW hoofdstuk 4")).toMatchObject({ kind: "pw", lead: "PW" });
    expect(assessmentKindOf("Proefwerk hoofdstuk 4")).toMatchObject({ kind: "pw", lead: "Proefwerk" });
    expect(assessmentKindOf("Mondeling")).toEqual({ kind: "oral", lead: "Mondeling", rest: "" });
    expect(assessmentKindOf("PO")).toMatchObject({ kind: "po" });
    expect(assessmentKindOf("Praktische opdracht")).toEqual({ kind: "po", lead: "Praktische opdracht", rest: "" });
    expect(assessmentKindOf("SE toets hoofdstuk 3")).toMatchObject({ kind: "se", lead: "SE" });
    expect(assessmentKindOf("so1: woordjes")).toEqual({ kind: "so", lead: "so1", rest: ": woordjes" });
    expect(assessmentKindOf("Herkansing PW 2")).toMatchObject({ kind: "resit", lead: "Herkansing" });
    expect(assessmentKindOf("Centraal examen")).toMatchObject({ kind: "ce" });
  });

  it("finds nothing where the kind is not the first word", () => {
    expect(assessmentKindOf("Toets hoofdstuk 2")).toBeNull();
    expect(assessmentKindOf("Leesvaardigheid SO")).toBeNull();
    expect(assessmentKindOf("Sociale vaardigheden")).toBeNull();
    expect(assessmentKindOf("Praktijkopdracht")).toBeNull();
    expect(assessmentKindOf("")).toBeNull();
  });
});

describe("the schoolWords catalogue area", () => {
  const nl = area("nl");
  it("has a Dutch name for every catalogue subject and an explanation for every word", () => {
    expect(Object.keys(nl.subjects).sort()).toEqual(SUBJECTS.map((s) => s.key).sort());
    expect(Object.keys(nl.assessmentKinds).sort()).toEqual([...ASSESSMENT_KINDS].sort());
    expect(Object.keys(nl.tracks).sort()).toEqual([...TRACKS].sort());
    expect(Object.keys(nl.absenceKinds).sort()).toEqual([...ABSENCE_KINDS].sort());
    expect(Object.keys(nl.contactKinds).sort()).toEqual([...CONTACT_KINDS].sort());
  });

  const flat = (tree: object, prefix = ""): [string, string][] =>
    Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : flat(v as object, `${prefix}${k}.`)));
  for (const locale of LANGUAGES) {
    it(`is complete in ${locale}`, () => {
      const keys = flat(nl).map(([k]) => k);
      const here = new Map(flat(area(locale)));
      expect(keys.filter((k) => !here.get(k)?.trim())).toEqual([]);
      expect([...here.keys()].filter((k) => !keys.includes(k))).toEqual([]);
    });
  }
});
