// "Try again at HH:MM": the time in Dutch time (where the school is), in the
// visitor's language with Latin digits (decisions/0003). Dependency-free so
// the sign-in form can format it in the browser.
import { SCHOOL_TIME_ZONE } from "@/lib/domain/calendar/zone";
import { intlTag } from "@/lib/i18n/config";


/** The minute from which trying again works: rounded up, so "at 14:33" never fails at 14:33. */
export function retryMinute(retryAt: Date): Date {
  return new Date(Math.ceil(retryAt.getTime() / 60_000) * 60_000);
}

export function formatRetryTime(retryAt: Date, locale: string): string {
  const tag = intlTag(locale);
  const parts = new Intl.DateTimeFormat(tag, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: SCHOOL_TIME_ZONE,
    numberingSystem: "latn",
  }).formatToParts(retryMinute(retryAt));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${part("hour")}:${part("minute")}`;
}

/** What authorize() throws for a refused attempt; next-auth hands the message to the form as `error`. */
export const THROTTLED_PREFIX = "throttled:";

export function throttledError(retryAt: Date): string {
  return `${THROTTLED_PREFIX}${retryMinute(retryAt).getTime()}`;
}

/** The retry time in a sign-in error, or null when the error is something else. */
export function retryAtOf(error: string | null | undefined): Date | null {
  if (!error?.startsWith(THROTTLED_PREFIX)) return null;
  const ms = Number(error.slice(THROTTLED_PREFIX.length));
  return Number.isFinite(ms) && ms > 0 ? new Date(ms) : null;
}

/** authorize() errors of two-step sign-in: the password was right, now the code; the code was wrong. */
export const CODE_NEEDED = "code-needed";
export const CODE_FAILED = "code-failed";
