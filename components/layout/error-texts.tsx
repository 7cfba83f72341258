"use client";

import { createContext, useContext, type ReactNode } from "react";

/** The root error boundary's texts (catalogue namespace "errors"), translated on the server. */
export type ErrorTexts = {
  genericTitle: string;
  genericBody: string;
  retry: string;
  /** "Er ging iets mis · Schoolkompas" */
  pageTitle: string;
  /** The calm page while the database is away (catalogue namespace "unavailable"). */
  unavailable: { title: string; body: string; retry: string; pageTitle: string };
  /** The server had met the database away when it rendered the layout: the first render shows the calm text. */
  away: boolean;
};

const ErrorTextsContext = createContext<ErrorTexts | null>(null);

/**
 * Hands the root error boundary (a client component) its three texts. The root
 * layout wraps every page in it; a NextIntlClientProvider there instead would put
 * next-intl's client runtime (≈ 12 kB gzipped) on every page for these three strings.
 */
export function ErrorTextsProvider({ texts, children }: { texts: ErrorTexts; children: ReactNode }) {
  return <ErrorTextsContext value={texts}>{children}</ErrorTextsContext>;
}

export function useErrorTexts(): ErrorTexts {
  const texts = useContext(ErrorTextsContext);
  if (!texts) throw new Error("useErrorTexts needs an ErrorTextsProvider (the root layout renders one)");
  return texts;
}
