import { z } from "zod";

/** The mentor list's query string; anything unexpected falls back to the default. */
export const MentorListQuery = z.object({
  show: z.enum(["all", "notReached"]).catch("all"),
  sort: z.enum(["name", "lastContact", "class"]).catch("name"),
});
export type MentorListQuery = z.infer<typeof MentorListQuery>;
