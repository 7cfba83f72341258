import type { IndicatorFormState } from "@/lib/domain/indicators/actions";

type Props = { state: IndicatorFormState; formError: (key: string) => string; fixErrors: string; saved: (count: number) => string };

/** The messages above an indicator form: a form-level error, "fix the marked fields", or what was saved. */
export function FormBanners({ state, formError, fixErrors, saved }: Props) {
  const errors = state.errors ?? {};
  return (
    <>
      {errors._form ? <p role="alert" className="rounded-lg bg-warn-50 p-3 text-warn-700">{formError(errors._form)}</p> : null}
      {Object.keys(errors).some((k) => k !== "_form") ? <p role="alert" className="rounded-lg bg-warn-50 p-3 font-medium text-warn-700">{fixErrors}</p> : null}
      {state.saved !== undefined ? <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">{saved(state.saved)}</p> : null}
    </>
  );
}
