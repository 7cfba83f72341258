/** The outcome an invitation form came back with (?sent=N or ?error=code). */
export function noticeOf(query: Record<string, string | string[] | undefined>): { sent?: number; error?: string } {
  const sent = typeof query.sent === "string" && /^\d{1,6}$/.test(query.sent) ? Number(query.sent) : undefined;
  const error = typeof query.error === "string" && /^[a-zA-Z]{1,32}$/.test(query.error) ? query.error : undefined;
  return { sent, error };
}
