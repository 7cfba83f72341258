import { z } from "zod";

export const ConsentChange = z.object({
  linkId: z.string().min(1).max(64),
  allow: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export type ConsentChange = z.infer<typeof ConsentChange>;
