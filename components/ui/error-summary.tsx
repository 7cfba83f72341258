"use client";

import { useEffect, useId, useRef } from "react";

type Props = {
  /** "Fix these first" — the summary's heading. */
  title: string;
  /** One entry per problem; `field` is the id of the input it is about (a link to it). */
  errors: { field?: string; text: string }[];
  /** Changes with every submit, so a second rejected submit moves focus here again. */
  attempt?: number;
};

/**
 * The error summary of a rejected form (GOV.UK pattern): it takes focus and
 * scrolls into view after the submit, however long the form is, so a keyboard
 * or screen-reader user hears what is wrong, and each entry links to its field.
 */
export function ErrorSummary({ title, errors, attempt }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  // Unique per summary: a page can hold two forms (the school calendar's terms and holidays).
  const titleId = useId();
  const count = errors.length;
  useEffect(() => {
    if (!count || !ref.current) return;
    ref.current.focus({ preventScroll: true });
    ref.current.scrollIntoView({ block: "start", behavior: "instant" });
  }, [attempt, count]);
  if (!count) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId} className="error-summary rounded-lg border-2 border-warn-700 bg-warn-50 p-4 text-warn-700 focus:outline-none focus-visible:outline-3">
      <h2 id={titleId} className="font-semibold">{title}</h2>
      <ul className="mt-2 list-disc space-y-1 ps-5">
        {errors.map((e, i) => (
          <li key={`${e.field ?? "form"}-${i}`}>
            {e.field ? (
              <a className="underline" href={`#${e.field}`}>
                {e.text}
              </a>
            ) : (
              e.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
