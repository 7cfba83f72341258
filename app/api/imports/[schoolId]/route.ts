import { getActor } from "@/lib/auth/session";
import { isSameOrigin } from "@/lib/http/same-origin";
import { MAX_FILES, MAX_FILE_BYTES } from "@/lib/domain/imports/fields";
import { ImportUploadInput } from "@/lib/domain/imports/schemas";
import { ImportUploadError, createImport } from "@/lib/domain/imports/commands";
import { isNotFound, jsonNoStore, notFoundResponse } from "@/lib/http/responses";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

// The upload of an import's files. A route handler rather than a server action:
// it can refuse a body that is too large from its Content-Length before reading
// it (and before anyone is known), instead of every server action accepting
// bodies of tens of megabytes. The page posts with fetch (JSON answers, upload
// progress); without JavaScript the form posts here and is redirected.

const BODY_LIMIT = MAX_FILES * MAX_FILE_BYTES + 1024 * 1024;
type Problem = { code: string; params?: Record<string, string | number> };

export async function POST(request: Request, { params }: { params: Promise<{ schoolId: string }> }) {
  const { schoolId } = await params;
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const back = (problems: Problem[], status: number) =>
    wantsJson
      ? jsonNoStore({ problems }, status)
      : new Response(null, { status: 303, headers: { Location: `/admin/schools/${encodeURIComponent(schoolId)}/imports?error=${encodeURIComponent(problems[0].code)}`, "Cache-Control": "no-store" } });

  if (!isSameOrigin(request.headers)) return new Response(null, { status: 403 });
  const actor = await getActor();
  if (!actor) return wantsJson ? jsonNoStore({ problems: [{ code: "signedOut" }] }, 401) : new Response(null, { status: 303, headers: { Location: "/login" } });
  if (Number(request.headers.get("content-length") ?? 0) > BODY_LIMIT) return back([{ code: "uploadTooLarge", params: { max: MAX_FILE_BYTES / 1024 / 1024, files: MAX_FILES } }], 413);

  const form = await request.formData().catch(() => null);
  if (!form) return back([{ code: "uploadUnreadable" }], 400);
  const input = ImportUploadInput.safeParse({ idempotencyKey: form.get("idempotencyKey"), fullExport: form.get("fullExport") ?? "" });
  if (!input.success) return back([{ code: "uploadUnreadable" }], 400);
  const uploads = form.getAll("files").filter((f): f is File => typeof f !== "string" && f.size > 0);
  // A file name no file system gives (a NUL byte) comes from a crafted request; PostgreSQL would refuse it.
  if (uploads.some((f) => f.name.includes("\u0000"))) return back([{ code: "uploadUnreadable" }], 400);
  const files = await Promise.all(uploads.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  try {
    const { runId } = await createImport(actor, schoolId, files, input.data);
    const location = `/admin/schools/${encodeURIComponent(schoolId)}/imports/${encodeURIComponent(runId)}`;
    return wantsJson ? jsonNoStore({ runId, location }, 201) : new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof ImportUploadError) return back(error.problems, 400);
    if (isNotFound(error)) return notFoundResponse();
    if (error instanceof AppError) return back([{ code: error.code }], 403);
    throw error;
  }
}
