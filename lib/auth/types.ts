import type { Locale, Role } from "@/lib/generated/prisma/enums";

/** The signed-in user, loaded fresh from the database on every request. */
export type Actor = {
  userId: string;
  role: Role;
  name: string;
  locale: Locale;
  /** Guardian profile id, for parents. */
  guardianId: string | null;
  /** Staff id and school, for mentors and school leaders. */
  staffId: string | null;
  schoolId: string | null;
  /** Class groups this staff member is mentor of in the current school year. */
  mentorOf: string[];
  /** Board, for board administrators. */
  boardId: string | null;
  /** Pupil record of a pupil with an account (18+). */
  pupilId: string | null;
};
