/** A school's public address part: lower-case ASCII words joined by hyphens ("Het Beukenhout" → "het-beukenhout"). */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

/**
 * Candidates in order of preference: the name, then name + city, then numbered.
 * The first one that is free becomes the slug; it is not changed on a rename,
 * so shared links to the public profile keep working (docs/decisions).
 */
export function slugCandidates(name: string, city: string): string[] {
  const base = slugify(name) || "school";
  const withCity = slugify(`${name} ${city}`) || base;
  return [base, withCity, ...Array.from({ length: 20 }, (_, i) => `${withCity}-${i + 2}`)];
}
