import { getTranslations } from "next-intl/server";

const DONE = ["blockRemoved", "attendanceSaved", "followUpSaved"] as const;
const ERRORS = ["invalid", "blockHasBookings", "notStarted"] as const;

/** The outcome of a small form that answered with a redirect (only known keys; anything else in the address is ignored). */
export async function OutcomeNotice({ done, error }: { done?: string | string[]; error?: string | string[] }) {
  const t = await getTranslations("conferenceSchool");
  const d = DONE.find((k) => k === done);
  const e = ERRORS.find((k) => k === error);
  if (e) return <p role="alert" className="mt-3 rounded-lg border-2 border-warn-700 bg-warn-50 p-3 font-medium text-warn-700">{t(`errors.${e}`)}</p>;
  if (d) return <p role="status" className="mt-3 rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t(d)}</p>;
  return null;
}
