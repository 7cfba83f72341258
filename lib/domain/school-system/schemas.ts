import { z } from "zod";
import { PROMOTION_RULES_MAX } from "@/lib/domain/school-system/fields";

/**
 * The school's promotion rules as the leader typed them: plain text, line
 * breaks kept (Windows line ends made \n), at most 4,000 characters; empty
 * removes the text. Error messages are keys of the schoolSystem catalogue.
 */
export const PromotionRulesInput = z.object({
  text: z
    .string({ error: "schoolSystem.errors.invalid" })
    .transform((value) => value.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(PROMOTION_RULES_MAX, "schoolSystem.errors.tooLong")),
});
export type PromotionRulesInput = z.infer<typeof PromotionRulesInput>;
