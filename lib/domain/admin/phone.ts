import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * A phone number as people write it (030-1234567, +31 30 123 4567, 06 12345678)
 * in one readable form: Dutch numbers in the national format ("030 123 4567"),
 * others internationally. Null when it is no valid number. The full metadata
 * ("max") checks the digits, not only the length.
 */
export function formatPhone(raw: string): string | null {
  const number = parsePhoneNumberFromString(raw, "NL");
  if (!number || !number.isValid()) return null;
  return number.country === "NL" ? number.formatNational() : number.formatInternational();
}

/** A stored number as staff read it (a parent's mobile is stored as +316…, E.164): formatted where valid, else as stored. */
export function readablePhone(stored: string): string {
  return formatPhone(stored) ?? stored;
}
