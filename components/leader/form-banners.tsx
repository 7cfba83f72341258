import type { IndicatorFormState } from "@/lib/domain/indicators/actions";
import { ErrorSummary } from "@/components/ui/error-summary";

type Props = {
  state: IndicatorFormState;
  formError: (key: string) => string;
  fixErrors: string;
  saved: (count: number) => string;
  /** The field an error key ("CODE:TYPE") is about, for the summary's link text. */
  fieldName?: (key: string) => string | null;
};

/**
 * The messages above an indicator form: after a rejected submit an error
 * summary that takes focus (these forms are thousands of pixels long), or
 * what was saved.
 */
export function FormBanners({ state, formError, fixErrors, saved, fieldName }: Props) {
  const errors = state.errors ?? {};
  const entries = Object.entries(errors).map(([key, message]) => {
    if (key === "_form" || key.startsWith("line:")) return { text: key.startsWith("line:") ? `${key.slice(5)}: ${formError(message)}` : formError(message) };
    const name = fieldName?.(key);
    return { field: `v:${key}`, text: name ? `${name}: ${formError(message)}` : formError(message) };
  });
  return (
    <>
      <ErrorSummary title={fixErrors} errors={entries} attempt={state.attempt} />
      {state.saved !== undefined ? <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">{saved(state.saved)}</p> : null}
    </>
  );
}
