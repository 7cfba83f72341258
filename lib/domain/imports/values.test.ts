import { describe, expect, it } from "vitest";
import { parseAbsenceKind, parseDutchDate, parseEmail, parseGrade, parseInteger, parseLanguage, parsePhone, parseRelationship, parseTrack, parseYesNo, sameName } from "@/lib/domain/imports/values";
import { csvCell, toCsv } from "@/lib/domain/imports/csv-export";
import { detectKind, mapColumns } from "@/lib/domain/imports/headers";

const iso = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

describe("Dutch values", () => {
  it("reads dates as dd-mm-jjjj (also with / or . and two-digit years) and ISO, and refuses what is not a date", () => {
    expect(iso(parseDutchDate("03-05-2012"))).toBe("2012-05-03");
    expect(iso(parseDutchDate("3/5/2012"))).toBe("2012-05-03");
    expect(iso(parseDutchDate("2012-05-03"))).toBe("2012-05-03");
    expect(iso(parseDutchDate("03.05.12"))).toBe("2012-05-03");
    expect(parseDutchDate("31-02-2012")).toBeNull();
    expect(parseDutchDate("dertien mei")).toBeNull();
    expect(parseDutchDate("")).toBeNull();
  });

  it("reads grades with a comma or a point on the 1–10 scale, and judgements", () => {
    expect(parseGrade("7,5")).toEqual({ grade: 7.5, text: null });
    expect(parseGrade("6.75")).toEqual({ grade: 6.8, text: null });
    expect(parseGrade("10")).toEqual({ grade: 10, text: null });
    expect(parseGrade("11")).toBe("outOfRange");
    expect(parseGrade("0,9")).toBe("outOfRange");
    expect(parseGrade("voldoende")).toEqual({ grade: null, text: "V" });
    expect(parseGrade("zg")).toEqual({ grade: null, text: "ZG" });
    expect(parseGrade("zeven")).toBeNull();
  });

  it("reads ja/nee, relationships, absence kinds, tracks and languages as schools write them", () => {
    expect([parseYesNo("Ja"), parseYesNo("nee"), parseYesNo("J"), parseYesNo("misschien")]).toEqual([true, false, true, null]);
    expect([parseRelationship("Moeder"), parseRelationship("vader"), parseRelationship("Voogd"), parseRelationship("Stiefvader"), parseRelationship("buurman")]).toEqual(["MOTHER", "FATHER", "CARER", "OTHER", null]);
    expect([parseAbsenceKind("Ziek"), parseAbsenceKind("te laat"), parseAbsenceKind("Ongeoorloofd verzuim"), parseAbsenceKind("uit de les verwijderd"), parseAbsenceKind("x")]).toEqual(["SICK", "LATE", "UNAUTHORISED", "REMOVED", null]);
    expect(["vmbo-b", "VMBO KB", "vmbo-gt", "mavo", "havo", "Atheneum", "mbo niveau 3", "MBO 2", "havo/vwo"].map(parseTrack)).toEqual(["VMBO_B", "VMBO_K", "VMBO_GT", "VMBO_GT", "HAVO", "VWO", "MBO_3", "MBO_2", null]);
    expect([parseLanguage("Nederlands"), parseLanguage("ar"), parseLanguage("Engels"), parseLanguage("Turks"), parseLanguage("")]).toEqual(["nl", "ar", "en", "unsupported", null]);
  });

  it("validates and normalises phone numbers, e-mail addresses and whole numbers", () => {
    expect(parsePhone("06 12 34 56 78")).toBe("+31612345678");
    expect(parsePhone("+32 470 12 34 56")).toBe("+32470123456");
    expect(parsePhone("06 97 12 34 56")).toBeNull();
    expect(parsePhone("12345")).toBeNull();
    expect(parseEmail(" Ouder@Voorbeeld.NL ")).toBe("ouder@voorbeeld.nl");
    expect(parseEmail("ouder@voorbeeld")).toBeNull();
    expect([parseInteger("3"), parseInteger("3,0"), parseInteger("3,5"), parseInteger("")]).toEqual([3, 3, null, null]);
    expect(sameName("José  de Vries", "jose de vries")).toBe(true);
  });
});

describe("exporting what was imported", () => {
  it("never lets a spreadsheet run a cell as a formula", () => {
    expect(csvCell('=HYPERLINK("http://x","klik")')).toBe(`"'=HYPERLINK(""http://x"",""klik"")"`);
    expect(["+31", "-1", "@SUM(A1)", "\tx", "\rx"].map(csvCell)).toEqual(["'+31", "'-1", "'@SUM(A1)", "'\tx", `"'\rx"`]);
    expect(csvCell("gewoon; tekst")).toBe('"gewoon; tekst"');
    expect(toCsv([["a", 1], ["=1+1", null]])).toBe("\uFEFFa;1\r\n'=1+1;\r\n");
  });
});

describe("column headers", () => {
  it("recognises the usual Dutch headers and the kind of file", () => {
    const pupils = ["Leerlingnummer", "Roepnaam", "Tussenvoegsel", "Achternaam", "Geboortedatum", "Klas", "Leerjaar", "Profiel/Leerweg"];
    expect(detectKind(pupils)).toBe("PUPILS");
    expect(detectKind(["Klas", "Leerjaar", "Profiel/Leerweg"])).toBe("CLASSES");
    expect(detectKind(["Leerlingnummer", "Vak", "Omschrijving", "Datum", "Weging", "Cijfer"])).toBe("RESULTS");
    expect(detectKind(["Leerlingnummer", "Datum", "Lesuur", "Soort"])).toBe("ABSENCES");
    expect(detectKind(["Foo", "Bar"])).toBeNull();
    expect(mapColumns("PUPILS", pupils).missing).toEqual([]);
  });

  it("prefers the guardian's own column over the pupil's in a guardians file, and a school's saved mapping over both", () => {
    const headers = ["Leerlingnummer", "Roepnaam", "Verzorger roepnaam", "Verzorger achternaam", "Relatie", "Gezag", "E-mail verzorger"];
    expect(mapColumns("GUARDIANS", headers).columns).toMatchObject({ firstName: 2, lastName: 3, email: 6 });
    expect(mapColumns("GUARDIANS", headers).unmapped).toEqual(["Roepnaam"]);
    const saved = { GUARDIANS: { roepnaam: "firstName", verzorgerroepnaam: "ignore" } };
    expect(mapColumns("GUARDIANS", headers, saved).columns.firstName).toBe(1);
  });
});
