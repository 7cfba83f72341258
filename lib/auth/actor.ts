import "server-only";
import { db } from "@/lib/db/client";
import { dutchToday } from "@/lib/domain/calendar/dates";
import type { Actor } from "@/lib/auth/types";

/**
 * Loads the actor for a session in one query. Null when the account is gone,
 * disabled, or the session's version is older than the user's (signed out,
 * password changed or blocked since the token was issued).
 */
export async function loadActor(userId: string, sessionVersion: number): Promise<Actor | null> {
  const today = dutchToday();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true, role: true, name: true, locale: true, sessionVersion: true, disabledAt: true, boardId: true,
      guardian: { select: { id: true } },
      pupil: { select: { id: true } },
      staff: {
        select: {
          id: true, schoolId: true,
          mentorships: {
            where: { classGroup: { schoolYear: { startsOn: { lte: today }, endsOn: { gte: today } } } },
            select: { classGroupId: true },
          },
        },
      },
    },
  });
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;
  return {
    userId: user.id,
    role: user.role,
    name: user.name,
    locale: user.locale,
    guardianId: user.guardian?.id ?? null,
    staffId: user.staff?.id ?? null,
    schoolId: user.staff?.schoolId ?? null,
    mentorOf: user.staff?.mentorships.map((m) => m.classGroupId) ?? [],
    boardId: user.boardId,
    pupilId: user.pupil?.id ?? null,
  };
}
