import type { ReactNode } from "react";

type Props = {
  /** The word as it appears (the school's own text, or already in the page's language). */
  word: ReactNode;
  /** The plain-language explanation, in the page's language. */
  explanation: string;
  /** "explanation" in the page's language: said after the word to screen-reader users. */
  explainLabel: string;
  /** `nl` when the word is the school's own text (screen readers and read-aloud pronounce it as Dutch). */
  wordLang?: string;
};

/**
 * A school word with its explanation one tap, click or Enter away: a native
 * disclosure (<details>), so it needs no client JavaScript and works with a
 * keyboard and a screen reader. Never inside a <p>: <details> is a block.
 */
export function ExplainedWord({ word, explanation, explainLabel, wordLang }: Props) {
  return (
    <details className="explained-word">
      <summary>
        <span lang={wordLang}>{word}</span>
        <span className="sr-only"> ({explainLabel})</span>
        <span aria-hidden="true" className="explained-word-mark">?</span>
      </summary>
      <span className="explained-word-text">{explanation}</span>
    </details>
  );
}
