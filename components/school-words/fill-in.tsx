import type { ReactNode } from "react";

// Stands in for a value in a translated sentence: an invisible separator no translation contains.
const SLOT = "\u2063";

/**
 * A translated sentence with a React node where its value goes: `format` gets a
 * stand-in for the value, and the node is put where the stand-in lands.
 * For the school's own words inside a sentence (marked lang="nl") and for an
 * explained word inside one. Without the stand-in in the result, the sentence
 * is returned as it is with the node after it.
 */
export function fillIn(format: (slot: string) => string, node: ReactNode): ReactNode {
  const parts = format(SLOT).split(SLOT);
  if (parts.length !== 2) return <>{parts.join("")} {node}</>;
  return (
    <>
      {parts[0]}
      {node}
      {parts[1]}
    </>
  );
}

/** The school's own words (a place, a title): Dutch, so screen readers and read-aloud pronounce them as Dutch. */
export function SchoolText({ children }: { children: ReactNode }) {
  return <span lang="nl">{children}</span>;
}
