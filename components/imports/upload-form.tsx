"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/ui/error-summary";
import { ACCEPTED_EXTENSIONS, MAX_FILES, MAX_FILE_BYTES } from "@/lib/domain/imports/fields";

type Problem = { code: string; params?: Record<string, string | number> };
type Props = { schoolId: string; idempotencyKey: string; initialProblem?: string | null };

const MB = MAX_FILE_BYTES / 1024 / 1024;
const field = "mt-1 block min-h-11 w-full max-w-full rounded-lg border border-slate-400 bg-white p-2";

/** What the browser can tell before sending: no files, too many, too large, not CSV/Excel. */
function checkFiles(files: File[]): Problem[] {
  if (files.length === 0) return [{ code: "noFiles" }];
  const problems: Problem[] = files.length > MAX_FILES ? [{ code: "tooManyFiles", params: { max: MAX_FILES } }] : [];
  for (const f of files) {
    if (f.size > MAX_FILE_BYTES) problems.push({ code: "fileTooLarge", params: { name: f.name, max: MB } });
    else if (!ACCEPTED_EXTENSIONS.some((e) => f.name.toLowerCase().endsWith(e))) problems.push({ code: "fileType", params: { name: f.name } });
  }
  return problems;
}

/**
 * The upload: checks sizes in the browser first (a file over the limit never
 * travels), then sends with upload progress. Without JavaScript the form posts
 * to the same address and the page shows the answer.
 */
export function UploadForm({ schoolId, idempotencyKey, initialProblem }: Props) {
  const t = useTranslations("imports");
  const tErr = useTranslations("importErrors");
  const [problems, setProblems] = useState<Problem[]>(initialProblem ? [{ code: initialProblem, params: { name: "", max: MB, files: MAX_FILES } }] : []);
  const [attempt, setAttempt] = useState(0);
  const [percent, setPercent] = useState<number | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const action = `/api/imports/${encodeURIComponent(schoolId)}`;

  const fail = (list: Problem[]) => {
    setProblems(list);
    setAttempt((a) => a + 1);
    setPercent(null);
  };

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const files = Array.from((form.elements.namedItem("files") as HTMLInputElement).files ?? []);
    const found = checkFiles(files);
    if (found.length) return fail(found);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", action);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => e.lengthComputable && setPercent(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => fail([{ code: "uploadFailed" }]);
    xhr.onload = () => {
      let body: { location?: string; problems?: Problem[] } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: a proxy's error page */
      }
      if (xhr.status === 201 && body.location) window.location.assign(body.location);
      else fail(body.problems?.length ? body.problems : [{ code: xhr.status === 404 ? "uploadFailed" : "uploadUnreadable" }]);
    };
    setProblems([]);
    setPercent(0);
    xhr.send(new FormData(form));
  };

  return (
    <form action={action} method="post" encType="multipart/form-data" onSubmit={submit} className="space-y-4" noValidate>
      <ErrorSummary title={t("errorSummaryTitle")} attempt={attempt} errors={problems.map((p) => ({ field: "files", text: tErr(p.code, { name: "", max: MB, files: MAX_FILES, ...p.params }) }))} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div>
        <label htmlFor="files" className="block font-medium">{t("filesLabel")}</label>
        <p id="files-help" className="text-sm text-slate-700">{t("filesHelp", { max: MAX_FILES, size: MB })}</p>
        <input id="files" name="files" type="file" multiple accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="files-help" aria-invalid={problems.length > 0} className={field}
          onChange={(e) => setChosen(Array.from(e.currentTarget.files ?? []).map((f) => f.name))} />
        {chosen.length ? <p className="mt-1 break-words text-sm text-slate-700">{t("chosenFiles", { files: chosen.join(", ") })}</p> : null}
      </div>
      <div className="flex items-start gap-3">
        <input id="fullExport" name="fullExport" type="checkbox" className="mt-1 size-5 shrink-0" aria-describedby="fullExport-help" />
        <div>
          <label htmlFor="fullExport" className="font-medium">{t("fullExportLabel")}</label>
          <p id="fullExport-help" className="text-sm text-slate-700">{t("fullExportHelp")}</p>
        </div>
      </div>
      <p className="text-sm text-slate-700">{t("dryRunNote")}</p>
      {percent !== null ? (
        <div>
          <label htmlFor="upload-progress" className="text-sm">{t("uploading", { percent })}</label>
          <progress id="upload-progress" max={100} value={percent} className="block h-3 w-full" />
        </div>
      ) : null}
      <button type="submit" disabled={percent !== null} className="min-h-12 w-full rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70 sm:w-auto">
        {t("submit")}
      </button>
    </form>
  );
}
