import type { ImportFileKind } from "@/lib/generated/prisma/enums";
import { FILE_KINDS, IGNORE, KIND_FIELDS, isFieldOf, normaliseHeader } from "@/lib/domain/imports/fields";

/** The school's remembered mappings: kind → normalised header → field (or "ignore"). */
export type SchoolMappings = Partial<Record<ImportFileKind, Record<string, string>>>;

export type ColumnMap = {
  /** Field → column index. */
  columns: Record<string, number>;
  /** Headers (as written) that no field was found for. */
  unmapped: string[];
  /** Required fields with no column. */
  missing: string[];
};

/**
 * Which column holds which field. A mapping the school saved wins; otherwise
 * the built-in aliases, where a more specific alias beats a general one
 * ("Verzorger roepnaam" before "Roepnaam" in a guardians file that lists the
 * pupil's name too). A field is taken by one column only.
 */
export function mapColumns(kind: ImportFileKind, headers: readonly string[], mappings: SchoolMappings = {}): ColumnMap {
  const saved = mappings[kind] ?? {};
  const normalised = headers.map(normaliseHeader);
  const columns: Record<string, number> = {};
  const taken = new Set<number>();
  normalised.forEach((header, index) => {
    const field = saved[header];
    if (field === IGNORE) taken.add(index);
    else if (field && isFieldOf(kind, field) && columns[field] === undefined) {
      columns[field] = index;
      taken.add(index);
    }
  });
  for (const [field, spec] of Object.entries(KIND_FIELDS[kind])) {
    if (columns[field] !== undefined) continue;
    let best = -1;
    let bestRank = Infinity;
    normalised.forEach((header, index) => {
      const rank = (spec.aliases as readonly string[]).indexOf(header);
      if (rank >= 0 && rank < bestRank && !taken.has(index)) [best, bestRank] = [index, rank];
    });
    if (best >= 0) {
      columns[field] = best;
      taken.add(best);
    }
  }
  const unmapped = headers.filter((h, i) => !taken.has(i) && h.trim() !== "");
  const missing = Object.entries(KIND_FIELDS[kind]).filter(([field, spec]) => spec.required && columns[field] === undefined).map(([field]) => field);
  if (kind === "GUARDIANS" && columns.name === undefined && columns.lastName === undefined) missing.push("name");
  return { columns, unmapped, missing };
}

/**
 * The kind of file these headers most likely belong to: the one that finds
 * the most columns (fewer missing required columns break a tie). A pupils
 * file whose number column has an unusual name is still a pupils file — the
 * check then names the missing column — rather than a classes file because
 * it also has Klas, Leerjaar and Profiel. Null when no kind finds two columns.
 */
export function detectKind(headers: readonly string[], mappings: SchoolMappings = {}): ImportFileKind | null {
  let best: ImportFileKind | null = null;
  let bestScore = -Infinity;
  for (const kind of FILE_KINDS) {
    const { columns, missing } = mapColumns(kind, headers, mappings);
    const found = Object.keys(columns).filter((f) => f !== "brin").length;
    if (found < 2) continue;
    const score = found * 100 - missing.length;
    if (score > bestScore) [best, bestScore] = [kind, score];
  }
  return best;
}
