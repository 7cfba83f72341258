import { getTranslations } from "next-intl/server";
import type { LineIssue } from "@/lib/domain/imports/check/types";
import { issueParams } from "@/lib/domain/imports/issue-text";

type Props = { issues: LineIssue[]; fileNames: Record<number, string>; limit: number; caption: string };

/** Errors or warnings with the file, the line as the administrator's editor shows it, and the reason. */
export async function IssueTable({ issues, fileNames, limit, caption }: Props) {
  const [t, tIssue, tField, tKind] = await Promise.all([getTranslations("imports"), getTranslations("importErrors"), getTranslations("importFields"), getTranslations("importKinds")]);
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pe-2 text-start">{t("colFile")}</th>
            <th scope="col" className="px-2 py-2 text-end">{t("colLine")}</th>
            <th scope="col" className="ps-2 py-2 text-start">{t("colProblem")}</th>
          </tr>
        </thead>
        <tbody>
          {issues.slice(0, limit).map((issue, i) => (
            <tr key={i} className="border-b border-slate-200 align-top">
              <td className="py-2 pe-2 break-all">{fileNames[issue.file] ?? ""}</td>
              <td className="px-2 py-2 text-end tabular-nums">{issue.line ? String(issue.line) : t("wholeFile")}</td>
              <td className="ps-2 py-2 break-words" dir="auto">{tIssue(issue.code, issueParams(issue, tField, tKind))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
