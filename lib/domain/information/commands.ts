import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { scopeFor, visibleLinkFor } from "@/lib/auth/scope";
import { assertCanFor, denyAccess, writeAudit, type AuditContext } from "@/lib/auth/audit";

const ASK_PAGE: AuditContext = { category: "information", route: "/parent/information/[pupilId]" };
/** The decision forms are on the mentor's and the leader's requests page: the row names the actor's. */
const decidePage = (actor: Actor): AuditContext => ({
  category: "information", route: actor.role === "LEADER" ? "/leader/information-requests" : "/mentor/information-requests",
});
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { ageStage, rightsMoment } from "@/lib/auth/guardian-rights";
import { untilProblem, type InformationDecisionInput, type InformationRequestInput } from "@/lib/domain/information/schemas";
import { queueGuardianNotice } from "@/lib/notifications/notices";
import { renderInformationDecision } from "@/lib/notifications/rights-templates";

/** Expected problems found by a command: catalogue keys per field ("_form" for the whole form). */
export class InformationValidationError extends AppError {
  constructor(public readonly fieldErrors: Record<string, string>) {
    super("invalidInput");
  }
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * A guardian without parental authority of a minor asks the school for
 * information (art. 1:377c BW). Only through a link that may ask (the one
 * rule's "ask"); anyone else: 404 and an audit row. One open request per
 * link; the same form sent twice (idempotency key) gives the same request.
 */
export async function requestInformation(actor: Actor, input: InformationRequestInput, now: Date = new Date()): Promise<{ id: string; created: boolean }> {
  await assertCanFor(actor, "information:request", "information:requested", input.pupilId, ASK_PAGE);
  if (!actor.guardianId) throw new AppError("forbidden");
  const link = await db.guardianLink.findFirst({
    where: { pupilId: input.pupilId, ...visibleLinkFor(actor.guardianId, "ask", now) },
    select: { id: true, pupilId: true },
  });
  if (!link) return denyAccess(actor, "information:requested", input.pupilId, ASK_PAGE);
  const earlier = await db.informationRequest.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, linkId: true } });
  if (earlier) {
    if (earlier.linkId !== link.id) throw new AppError("conflict");
    return { id: earlier.id, created: false };
  }
  try {
    const request = await db.informationRequest.create({
      data: { linkId: link.id, pupilId: link.pupilId, categories: input.categories, message: input.message, idempotencyKey: input.idempotencyKey, createdAt: now },
      select: { id: true },
    });
    await writeAudit(actor, "information:requested", "ALLOWED", link.pupilId, { categories: input.categories.join(",") }, ASK_PAGE);
    return { id: request.id, created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Sent twice at once (same key), or another request of this link is still open.
    const same = await db.informationRequest.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } });
    if (same) return { id: same.id, created: false };
    throw new InformationValidationError({ _form: "informationErrors.alreadyPending" });
  }
}

/**
 * The mentor (own classes) or school leader (own school) decides an open
 * request: grants categories until a day, written onto the guardian's link,
 * or refuses it with a reason. The decision, the link and the guardian's
 * notice (in their language) are one transaction. Deciding the same way
 * again is a no-op; a request someone already decided otherwise is refused.
 */
export async function decideInformationRequest(actor: Actor, input: InformationDecisionInput, now: Date = new Date()): Promise<void> {
  const action = input.outcome === "grant" ? "information:granted" : "information:refused";
  await assertCanFor(actor, "information:decide", action, input.requestId, { ...decidePage(actor), target: "informationRequest" });
  const request = await db.informationRequest.findFirst({
    where: { id: input.requestId, pupil: scopeFor(actor, "pupil") },
    select: {
      id: true, status: true, decidedById: true, pupilId: true, linkId: true,
      link: {
        select: {
          accessRestricted: true, hasParentalAuthority: true, guardianId: true,
          guardian: { select: { user: { select: { name: true, email: true, locale: true } } } },
        },
      },
      pupil: { select: { firstName: true, birthDate: true, schoolId: true } },
    },
  });
  if (!request) return denyAccess(actor, action, input.requestId, { ...decidePage(actor), target: "informationRequest" });
  const decided = input.outcome === "grant" ? "GRANTED" : "REFUSED";
  if (request.status !== "PENDING") {
    if (request.status === decided && request.decidedById === actor.userId) return;
    throw new InformationValidationError({ _form: "informationErrors.alreadyDecided" });
  }
  const { link, pupil } = request;
  if (link.accessRestricted || link.hasParentalAuthority || ageStage(pupil.birthDate, rightsMoment(now)) === "adult") {
    throw new InformationValidationError({ _form: "informationErrors.notAskable" });
  }
  if (input.outcome === "grant") {
    const problem = untilProblem(input.until, now);
    if (problem) throw new InformationValidationError({ until: problem });
  }
  const { user } = link.guardian;
  const message = renderInformationDecision(user.locale, {
    guardianName: user.name, pupilFirstName: pupil.firstName,
    ...(input.outcome === "grant" ? { outcome: "granted", categories: input.categories, until: input.until } : { outcome: "refused", reason: input.reason }),
  });
  await db.$transaction(async (tx) => {
    const { count } = await tx.informationRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: input.outcome === "grant"
        ? { status: "GRANTED", decidedAt: now, decidedById: actor.userId, grantedCategories: input.categories, grantedUntil: input.until }
        : { status: "REFUSED", decidedAt: now, decidedById: actor.userId, refusalReason: input.reason },
    });
    // A colleague decided in the meantime.
    if (count === 0) throw new InformationValidationError({ _form: "informationErrors.alreadyDecided" });
    if (input.outcome === "grant") {
      await tx.guardianLink.update({
        where: { id: request.linkId },
        data: { informationGrantedAt: now, informationGrantedBy: actor.userId, informationCategories: input.categories, informationUntil: input.until },
      });
    }
    await queueGuardianNotice(tx, {
      kind: "INFORMATION_DECISION", guardianId: link.guardianId, pupilId: request.pupilId, schoolId: pupil.schoolId,
      locale: user.locale, email: user.email, message, requestKey: `information:${request.id}`,
    }, now);
  });
  await writeAudit(actor, action, "ALLOWED", request.pupilId, input.outcome === "grant"
    ? { request: request.id, categories: input.categories.join(","), until: input.until.toISOString().slice(0, 10) }
    : { request: request.id }, decidePage(actor));
}
