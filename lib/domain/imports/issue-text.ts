import type { LineIssue } from "@/lib/domain/imports/check/types";

type Translate = (key: string) => string;

/**
 * An issue's values for its message: field and kind codes become their names
 * in the reader's language; the rest (a cell's text, a line number) is shown
 * as it is.
 */
export function issueParams(issue: Pick<LineIssue, "params">, field: Translate, kind: Translate): Record<string, string | number> {
  const params: Record<string, string | number> = { value: "", field: "", fields: "", kind: "", max: "", firstLine: "", where: "", other: "", school: "", year: "", ...issue.params };
  if (issue.params?.field) params.field = field(String(issue.params.field));
  if (issue.params?.fields) params.fields = String(issue.params.fields).split(",").map((f) => field(f)).join(", ");
  if (issue.params?.kind) params.kind = kind(String(issue.params.kind));
  return params;
}
