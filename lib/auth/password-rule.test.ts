import { describe, expect, it } from "vitest";
import { PASSWORD_MAX, passwordLength, passwordProblem, personalWords } from "@/lib/auth/password-rule";

const person = { email: "fatima.elamrani@voorbeeld.nl", name: "Fatima El Amrani" };

describe("the password rule", () => {
  it("asks for 12 to 128 characters, counted as characters, not bytes", () => {
    expect(passwordProblem("")).toBe("required");
    expect(passwordProblem("kort wachtw")).toBe("tooShort"); // 11
    expect(passwordLength("🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊")).toBe(12);
    expect(passwordProblem("🦊🐢🦉🐙🦊🐢🦉🐙🦊🐢🦉🐝")).not.toBe("tooShort");
    expect(passwordProblem("ب".repeat(PASSWORD_MAX + 1))).toBe("tooLong");
  });

  it("has no composition rules: a sentence of plain words, spaces and all, is fine", () => {
    expect(passwordProblem("tulp fiets regen", person)).toBeNull();
    expect(passwordProblem("mijn kat heet Sientje", person)).toBeNull();
    expect(passwordProblem("القطة تحب الحليب كثيرا", person)).toBeNull();
  });

  it("refuses the commonly used passwords from zxcvbn-ts's list, whatever the case", () => {
    expect(passwordProblem("password1234")).toBe("common");
    expect(passwordProblem("QWERTYUIOP12")).not.toBeNull();
    expect(passwordProblem("1234567890ab")).not.toBeNull();
  });

  it("refuses a password that is mostly the person's own name or e-mail address, or the service's name", () => {
    expect(passwordProblem("fatima.elamrani@voorbeeld.nl", person)).toBe("personal");
    expect(passwordProblem("FatimaElAmrani2024", person)).toBe("personal");
    expect(passwordProblem("schoolkompas2026!", person)).toBe("personal");
    // Her name in a longer sentence is her business.
    expect(passwordProblem("fatima fietst elke ochtend naar zee", person)).toBeNull();
  });

  it("refuses patterns that are quick to guess", () => {
    expect(passwordProblem("aaaaaaaaaaaa")).toBe("guessable");
    expect(passwordProblem("Welkom123456")).toBe("guessable");
    expect(passwordProblem("voetbal12345")).toBe("guessable");
  });

  it("lists the person's own words longest first", () => {
    expect(personalWords(person)).toEqual(["fatima.elamrani@voorbeeld.nl", "fatima.elamrani", "schoolkompas", "voorbeeld", "elamrani", "fatima", "amrani"]);
  });
});
