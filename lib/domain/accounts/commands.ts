import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import type { AppLocale } from "@/lib/i18n/config";

export async function setPreferredLocale(actor: Actor, locale: AppLocale): Promise<void> {
  assertCan(actor, "profile:update");
  await db.user.update({ where: { id: actor.userId }, data: { locale } });
}
