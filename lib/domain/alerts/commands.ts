import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import type { AlertSettingsInput } from "@/lib/domain/alerts/schemas";

/** A guardian chooses how absence alerts reach them. Saving the same twice changes nothing. */
export async function updateAlertSettings(actor: Actor, input: AlertSettingsInput): Promise<void> {
  assertCan(actor, "alerts:settings");
  if (!actor.guardianId) throw new AppError("forbidden");
  // Text messages go to the E.164 number; the parent sees the number back as they typed it.
  const mobile = input.mobile ? { phone: input.mobile.e164, phoneAsEntered: input.mobile.asEntered } : {};
  await db.guardian.update({
    where: { id: actor.guardianId },
    data: { alertChannel: input.channel, alertTiming: input.timing, ...mobile },
  });
}

/** Marks the guardian's delivered portal messages as read (only their own). */
export async function markMessagesRead(actor: Actor): Promise<void> {
  assertCan(actor, "alerts:settings");
  if (!actor.guardianId) return;
  await db.notification.updateMany({ where: { guardianId: actor.guardianId, status: "DELIVERED", readAt: null }, data: { readAt: new Date() } });
}
