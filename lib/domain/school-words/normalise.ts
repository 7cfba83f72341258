// Comparing what a school typed with the catalogue: case, accents, spaces
// and punctuation do not count ("Aardrijkskunde", "aardrijkskunde ",
// "AARDRIJKSKUNDE" are one word; "M&O" is "mo").

/** Lower case, accents removed, "&" read as "en" when `ampersand` asks for it, only letters and digits kept. */
export function compactKey(text: string, ampersand: "drop" | "en" = "drop"): string {
  const plain = text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  return (ampersand === "en" ? plain.replace(/&/g, " en ") : plain).replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The words of a text, lower case and without accents; "(havo)" parts left out. */
export function words(text: string): string[] {
  return text
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " en ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
