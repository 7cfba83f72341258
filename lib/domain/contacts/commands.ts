import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan } from "@/lib/auth/permissions";
import { scopeFor } from "@/lib/auth/scope";
import { rightsMoment } from "@/lib/auth/guardian-rights";
import { linkWhere } from "@/lib/auth/guardian-rights-forms";
import { assertCanFor, writeAudit, type AuditContext } from "@/lib/auth/audit";

// Both forms are on the mentor's pupil page.
const PUPIL_PAGE: AuditContext = { category: "contacts", route: "/mentor/pupils/[pupilId]" };
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import type { ContactHoursInput, ContactMomentInput } from "@/lib/domain/contacts/schemas";

/** A mentor may correct their own entry for this long; after that, corrections are new entries. */
export const CORRECTION_WINDOW_MS = 24 * 60 * 60 * 1000;

export class ContactValidationError extends AppError {
  constructor(public readonly fieldErrors: Record<string, string>) {
    super("invalidInput");
  }
}

/** The columns a mentor fills in, the same for a new entry and a correction. */
function contactFields(input: ContactMomentInput) {
  const { kind, initiatedBy, tone, summary, internalNote, occurredOn, followUpOn, guardianIds } = input;
  return { kind, initiatedBy, tone, summary, internalNote, occurredOn, followUpOn, guardians: { create: guardianIds.map((guardianId) => ({ guardianId })) } };
}

/** The guardians a contact may be logged with: those the school may involve (the one rule, lib/auth/guardian-rights.ts). */
async function selectableGuardianIds(actor: Actor, pupilId: string, action: "contact:create" | "contact:correct") {
  const pupil = await db.pupil.findFirst({
    where: { id: pupilId, ...scopeFor(actor, "pupil") },
    select: { guardianLinks: { where: linkWhere("involve", rightsMoment()), select: { guardianId: true } } },
  });
  if (!pupil) {
    await writeAudit(actor, action, "DENIED", pupilId, undefined, PUPIL_PAGE);
    throw new AppError("notFound");
  }
  return new Set(pupil.guardianLinks.map((l) => l.guardianId));
}

function assertGuardiansSelectable(guardianIds: string[], selectable: Set<string>) {
  if (guardianIds.some((id) => !selectable.has(id))) throw new ContactValidationError({ guardianIds: "contactErrors.guardianNotLinked" });
}

/**
 * Logs a contact moment. Submitting the same form twice (same idempotency key)
 * creates one entry and returns its id both times.
 */
export async function logContactMoment(actor: Actor, input: ContactMomentInput): Promise<string> {
  await assertCanFor(actor, "contact:create", "contact:create", input.pupilId, PUPIL_PAGE);
  if (!actor.staffId) throw new AppError("forbidden");
  const selectable = await selectableGuardianIds(actor, input.pupilId, "contact:create");
  assertGuardiansSelectable(input.guardianIds, selectable);
  try {
    // One statement with nested rows: Prisma runs it in a transaction.
    const created = await db.contactMoment.create({
      data: {
        pupilId: input.pupilId,
        staffId: actor.staffId,
        idempotencyKey: input.idempotencyKey,
        ...contactFields(input),
      },
      select: { id: true },
    });
    return created.id;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const existing = await db.contactMoment.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, staffId: true } });
      if (existing && existing.staffId === actor.staffId) return existing.id;
      throw new AppError("conflict");
    }
    throw error;
  }
}

/** Corrects the mentor's own entry within 24 hours of logging it. */
export async function correctContactMoment(actor: Actor, contactMomentId: string, input: ContactMomentInput, now = new Date()): Promise<void> {
  await assertCanFor(actor, "contact:correct", "contact:correct", input.pupilId, PUPIL_PAGE);
  const existing = await db.contactMoment.findFirst({
    where: { id: contactMomentId, staffId: actor.staffId ?? "", pupil: scopeFor(actor, "pupil") },
    select: { id: true, pupilId: true, createdAt: true },
  });
  if (!existing || existing.pupilId !== input.pupilId) {
    await writeAudit(actor, "contact:correct", "DENIED", input.pupilId, undefined, PUPIL_PAGE);
    throw new AppError("notFound");
  }
  if (now.getTime() - existing.createdAt.getTime() > CORRECTION_WINDOW_MS) throw new AppError("conflict");
  const selectable = await selectableGuardianIds(actor, input.pupilId, "contact:correct");
  assertGuardiansSelectable(input.guardianIds, selectable);
  await db.$transaction([
    db.contactMomentGuardian.deleteMany({ where: { contactMomentId } }),
    db.contactMoment.update({
      where: { id: contactMomentId },
      data: contactFields(input),
    }),
  ]);
}

export async function updateContactHours(actor: Actor, input: ContactHoursInput): Promise<void> {
  assertCan(actor, "staff:contactHours");
  if (!actor.staffId) throw new AppError("forbidden");
  await db.staff.update({ where: { id: actor.staffId }, data: { contactHours: input.contactHours || null } });
}
