import { parsePhoneNumberFromString } from "libphonenumber-js/max";

// Mobile numbers for text messages (decision 0033). Server-only in practice:
// the "max" metadata is large and only the schema and the settings page use it.

/** The countries whose mobile numbers we send text messages to. */
export const SMS_COUNTRIES = ["NL", "BE", "DE"] as const;
const CALLING_CODES = new Set(["31", "32", "49"]);

/** What is wrong with a number, as the last part of a catalogue key (`alertErrors.<key>`). */
export type MobileProblem = "phoneInvalid" | "phoneLandline" | "phoneCountry";

export type MobileCheck = { ok: true; e164: string; asEntered: string } | { ok: false; problem: MobileProblem };

/** Digits and what people put between them; anything else (letters, control characters) is not a phone number. */
const PHONE_CHARACTERS = /^\+?[\d\s\-().\/]+$/;

/**
 * A mobile number as a parent types it. Dutch numbers may be written
 * nationally (06…); Belgian and German ones only with their country code
 * (+32 / 0032, +49 / 0049): "0470…" or "0151…" typed nationally is read as a
 * Dutch number and refused, because 04… and 01… are Dutch landline areas.
 * `e164` is what text messages are sent to; `asEntered` is what the parent typed
 * (spaces tidied), shown back to them.
 */
export function checkMobile(raw: string): MobileCheck {
  const asEntered = raw.trim().replace(/\s+/g, " ");
  if (!asEntered || asEntered.length > 40 || !PHONE_CHARACTERS.test(asEntered)) return { ok: false, problem: "phoneInvalid" };
  const compact = asEntered.replace(/[\s\-().\/]/g, "");
  const international = compact.startsWith("+") ? compact : compact.startsWith("00") ? `+${compact.slice(2)}` : null;
  const number = parsePhoneNumberFromString(international ?? compact, "NL");
  if (!number) return { ok: false, problem: international ? "phoneCountry" : "phoneInvalid" };
  if (!CALLING_CODES.has(number.countryCallingCode)) return { ok: false, problem: "phoneCountry" };
  if (!number.isValid()) return { ok: false, problem: "phoneInvalid" };
  if (number.getType() !== "MOBILE") return { ok: false, problem: "phoneLandline" };
  return { ok: true, e164: number.number, asEntered };
}

/** The E.164 form of a valid NL/BE/DE mobile number, or null. */
export function normaliseMobile(raw: string): string | null {
  const check = checkMobile(raw);
  return check.ok ? check.e164 : null;
}

/**
 * The guardian's number as they typed it, while it is still the number on file
 * (an import may have replaced the number since); otherwise the stored number,
 * readable: Dutch ones nationally, others internationally.
 */
export function shownMobile(phone: string | null, asEntered: string | null): string {
  if (!phone) return "";
  if (asEntered && normaliseMobile(asEntered) === phone) return asEntered;
  const number = parsePhoneNumberFromString(phone, "NL");
  if (!number?.isValid()) return phone;
  return number.country === "NL" ? number.formatNational() : number.formatInternational();
}
