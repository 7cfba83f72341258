import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { writeAudit, type AuditContext } from "@/lib/auth/audit";

const RETENTION: AuditContext = { category: "retention", route: "/admin/schools/[schoolId]/retention" };
import { boardSchool } from "@/lib/domain/schools/board-scope";
import { RETENTION_CATEGORIES } from "@/lib/domain/retention/rules";
import { SETTINGS_SELECT, settingsOf } from "@/lib/domain/retention/queries";
import type { RetentionInput } from "@/lib/domain/retention/schemas";

/**
 * Sets a school's retention terms. Audited like every school setting (`school:update`,
 * old → new per term); saving the same terms again writes nothing.
 */
export async function updateRetention(actor: Actor, input: RetentionInput): Promise<boolean> {
  const school = await boardSchool(actor, input.schoolId, "schools:manage", RETENTION);
  const changes = await db.$transaction(async (tx) => {
    const old = settingsOf(await tx.school.findUniqueOrThrow({ where: { id: school.id }, select: SETTINGS_SELECT }));
    const changed = RETENTION_CATEGORIES.filter((c) => old[c] !== input[c]);
    if (!changed.length) return {};
    await tx.school.update({
      where: { id: school.id },
      data: { retentionResultsYears: input.results, retentionContactsYears: input.contacts, retentionAbsencesYears: input.absences, retentionAuditYears: input.audit },
    });
    return Object.fromEntries(changed.map((c) => [`retention.${c}`, { old: old[c], new: input[c] }]));
  });
  if (!Object.keys(changes).length) return false;
  await writeAudit(actor, "school:update", "ALLOWED", school.id, changes, RETENTION);
  return true;
}
