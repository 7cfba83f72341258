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
  /**
   * The word stays plain text and a small "?" after it opens the explanation. For table
   * headers: a header's accessible name leaves out the content of a <details>, so a
   * word inside one would leave the column or row without a name.
   */
  wordOutside?: boolean;
};

/**
 * A school word with its explanation one tap, click or Enter away: a native
 * disclosure (<details>), so it needs no client JavaScript and works with a
 * keyboard and a screen reader. Never inside a <p>: <details> is a block.
 */
export function ExplainedWord({ word, explanation, explainLabel, wordLang, wordOutside = false }: Props) {
  const mark = <span aria-hidden="true" className="explained-word-mark">?</span>;
  if (wordOutside) {
    return (
      <>
        <span lang={wordLang}>{word}</span>{" "}
        <details className="explained-word explained-word-after">
          <summary>
            <span className="sr-only"><span lang={wordLang}>{word}</span> ({explainLabel})</span>
            {mark}
          </summary>
          <span className="explained-word-text">{explanation}</span>
        </details>
      </>
    );
  }
  return (
    <details className="explained-word">
      <summary>
        <span lang={wordLang}>{word}</span>
        <span className="sr-only"> ({explainLabel})</span>
        {mark}
      </summary>
      <span className="explained-word-text">{explanation}</span>
    </details>
  );
}
