import "server-only";
import { createHash } from "node:crypto";
import { db, sqlRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/types";
import { assertCanFor, denyAccess, writeAudit, type AuditContext } from "@/lib/auth/audit";
import { AppError } from "@/lib/errors";
import { askQuestion } from "@/lib/domain/questions/commands";
import { TEXT_LOCALES } from "@/lib/domain/agreement/fields";
import type { AcknowledgeInput, AgreementQuestionInput, DraftInput, PublishInput } from "@/lib/domain/agreement/schemas";
import { guardianAgreementSql, toGuardianVersion, type GuardianVersionRow } from "@/lib/domain/agreement/sql";
import { isoDay } from "@/lib/db/json-values";
import { dutchToday } from "@/lib/domain/calendar/dates";
import nl from "@/lib/i18n/messages/agreement/nl.json";

// The school–parent agreement and the policy (issue 19, decision 0036). The
// leader edits one draft per kind and publishes it as the next version; a
// guardian answers the latest published agreement of each school where they
// may see a child: "read and agreed", or a question to the mentor.

const EDITOR: AuditContext = { category: "school", route: "/leader/agreement" };
const PARENT_PAGE: AuditContext = { category: "school", route: "/parent/agreement" };

function leaderSchool(actor: Actor): string {
  if (!actor.schoolId) throw new AppError("forbidden");
  return actor.schoolId;
}

/** The school's version of this kind, locked for the transaction (publish and discard of one draft take turns); null when not there. */
async function lockedVersion(tx: Prisma.TransactionClient, schoolId: string, input: PublishInput): Promise<{ id: string; number: number | null } | null> {
  const [version] = await tx.$queryRaw<{ id: string; number: number | null }[]>`
    SELECT id, number FROM "SchoolTextVersion" WHERE id = ${input.versionId} AND "schoolId" = ${schoolId} AND kind = ${input.kind}::"SchoolTextKind" FOR UPDATE`;
  return version ?? null;
}

/** Saves the draft of a kind (one per school and kind): twice is the same draft. */
export async function saveDraft(actor: Actor, input: DraftInput, { now = new Date() }: { now?: Date } = {}): Promise<{ versionId: string }> {
  await assertCanFor(actor, "agreement:edit", "agreement:save", null, EDITOR);
  const schoolId = leaderSchool(actor);
  const texts = TEXT_LOCALES.flatMap((locale) => (input.texts[locale] ? [{ locale, body: input.texts[locale]! }] : []));
  const write = () =>
    db.$transaction(async (tx) => {
      const draft = await tx.schoolTextVersion.findFirst({ where: { schoolId, kind: input.kind, publishedAt: null }, select: { id: true } });
      const versionId = draft
        ? (await tx.schoolTextVersion.update({ where: { id: draft.id }, data: { updatedAt: now }, select: { id: true } })).id
        : (await tx.schoolTextVersion.create({ data: { schoolId, kind: input.kind, createdAt: now, updatedAt: now }, select: { id: true } })).id;
      await tx.schoolTextTranslation.deleteMany({ where: { versionId } });
      await tx.schoolTextTranslation.createMany({ data: texts.map((t) => ({ versionId, ...t })) });
      return versionId;
    });
  let versionId: string;
  try {
    versionId = await write();
  } catch (error) {
    // Two saves at once: the second create hit the one-draft index; it edits the draft instead.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") versionId = await write();
    else throw error;
  }
  await writeAudit(actor, "agreement:save", "ALLOWED", versionId, { kind: input.kind, languages: texts.map((t) => t.locale).join(","), length: texts[0].body.length }, EDITOR);
  return { versionId };
}

/**
 * Publishes the draft as the next version. Publishing twice (a double click)
 * publishes once: the second finds it published and answers the same number.
 * Another school's draft: 404 and an audit row.
 */
export async function publishDraft(actor: Actor, input: PublishInput, { now = new Date() }: { now?: Date } = {}): Promise<{ number: number; published: boolean }> {
  await assertCanFor(actor, "agreement:edit", "agreement:publish", input.versionId, EDITOR);
  const schoolId = leaderSchool(actor);
  const result = await db.$transaction(async (tx) => {
    // The row lock orders two publications of the same draft.
    const version = await lockedVersion(tx, schoolId, input);
    if (!version) return null;
    if (version.number !== null) return { number: version.number, published: false };
    // One publication of a kind at a time per school (two different drafts cannot both be number n).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`school-text:${schoolId}:${input.kind}`}))`;
    const last = await tx.schoolTextVersion.aggregate({ where: { schoolId, kind: input.kind }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    await tx.schoolTextVersion.update({ where: { id: version.id }, data: { number, publishedAt: now, updatedAt: now } });
    return { number, published: true };
  });
  if (!result) return denyAccess(actor, "agreement:publish", input.versionId, EDITOR);
  if (result.published) await writeAudit(actor, "agreement:publish", "ALLOWED", input.versionId, { kind: input.kind, number: result.number }, EDITOR);
  return result;
}

/**
 * Throws the draft of a kind away (its texts go with it); the newest published
 * version stays what parents read. Discarding twice (a double click, or the
 * page of before) answers as the first did; a published version cannot be
 * discarded (conflict); another school's draft: 404 and an audit row.
 */
export async function discardDraft(actor: Actor, input: PublishInput): Promise<{ discarded: boolean }> {
  await assertCanFor(actor, "agreement:edit", "agreement:discard", input.versionId, EDITOR);
  const schoolId = leaderSchool(actor);
  const result = await db.$transaction(async (tx) => {
    const version = await lockedVersion(tx, schoolId, input);
    if (!version) return null;
    if (version.number !== null) throw new AppError("conflict");
    // The translations go with it (onDelete: Cascade); a draft has no answers.
    await tx.schoolTextVersion.delete({ where: { id: version.id } });
    return { discarded: true };
  });
  if (result) {
    await writeAudit(actor, "agreement:discard", "ALLOWED", input.versionId, { kind: input.kind }, EDITOR);
    return result;
  }
  // Gone: discarded before at this school (the audit row says so) answers the same; anything else is not found.
  const before = await db.auditLog.findFirst({ where: { action: "agreement:discard", outcome: "ALLOWED", targetId: input.versionId, schoolId }, select: { id: true } });
  if (before) return { discarded: false };
  return denyAccess(actor, "agreement:discard", input.versionId, EDITOR);
}

type GuardianVersion = { id: string; number: number; publishedAt: Date; schoolId: string; pupilId: string | null };

/**
 * The version, when it is the latest published agreement of a school where the
 * guardian may see a child; `pupilId` is a child there the guardian may ask
 * the mentor about (null when none). Anything else: 404 and an audit row.
 */
async function guardiansVersion(actor: Actor, versionId: string, action: "agreement:acknowledge" | "agreement:question", now: Date): Promise<GuardianVersion> {
  await assertCanFor(actor, "agreement:acknowledge", action, versionId, PARENT_PAGE);
  if (!actor.guardianId) throw new AppError("forbidden");
  const [raw] = await sqlRows<GuardianVersionRow>(guardianAgreementSql("v.id = $3"), [actor.guardianId, isoDay(dutchToday(now)), versionId]);
  if (!raw) return denyAccess(actor, action, versionId, PARENT_PAGE);
  const row = toGuardianVersion(raw);
  // An older version than the one now published: the guardian should read the new one.
  if (!row.latest) throw new AppError("conflict");
  return row;
}

/** "Read and agreed": one row per guardian and version, however often it is sent. */
export async function acknowledgeAgreement(actor: Actor, input: AcknowledgeInput, { now = new Date() }: { now?: Date } = {}): Promise<{ created: boolean }> {
  const version = await guardiansVersion(actor, input.versionId, "agreement:acknowledge", now);
  const { count } = await db.agreementAcknowledgement.createMany({
    data: [{ versionId: version.id, guardianId: actor.guardianId!, response: "AGREED", createdAt: now }],
    skipDuplicates: true,
  });
  if (count) await writeAudit(actor, "agreement:acknowledge", "ALLOWED", version.id, { number: version.number }, PARENT_PAGE);
  return { created: count > 0 };
}

/** A stable UUID from a text, so the same guardian and version always give the same question key. */
export function stableUuid(text: string): string {
  const h = createHash("sha256").update(text).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * "I have a question about this": a question to the mentor through the
 * questions area (its command, its rules), naming the version, and the
 * answer recorded as QUESTION. The question's key is made from the guardian
 * and the version, so sending twice (or again after a failure between the two
 * writes) gives one question and one acknowledgement.
 */
export async function askAboutAgreement(actor: Actor, input: AgreementQuestionInput, { now = new Date() }: { now?: Date } = {}): Promise<{ questionId: string | null }> {
  const version = await guardiansVersion(actor, input.versionId, "agreement:question", now);
  const guardianId = actor.guardianId!;
  const earlier = await db.agreementAcknowledgement.findUnique({
    where: { versionId_guardianId: { versionId: version.id, guardianId } }, select: { mentorQuestionId: true },
  });
  if (earlier) return { questionId: earlier.mentorQuestionId };
  // No child there the guardian may ask the mentor about (e.g. information only): the page does not offer it.
  if (!version.pupilId) throw new AppError("forbidden");
  const date = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" }).format(version.publishedAt);
  const heading = nl.agreement.questionSubject.replace("{number}", String(version.number)).replace("{date}", date);
  const { id } = await askQuestion(actor, {
    pupilId: version.pupilId, idempotencyKey: stableUuid(`agreement:${version.id}:${guardianId}`), kind: "QUESTION",
    body: input.note ? `${heading}\n\n${input.note}` : heading, callTimes: [], callTimesNote: null, languageWanted: null,
  }, { now });
  const { count } = await db.agreementAcknowledgement.createMany({
    data: [{ versionId: version.id, guardianId, response: "QUESTION", mentorQuestionId: id, createdAt: now }],
    skipDuplicates: true,
  });
  if (count) await writeAudit(actor, "agreement:question", "ALLOWED", version.id, { number: version.number }, PARENT_PAGE);
  return { questionId: id };
}
