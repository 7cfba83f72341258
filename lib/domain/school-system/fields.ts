/** The longest promotion-rules text a school can publish (free of zod, for the client form). */
export const PROMOTION_RULES_MAX = 4000;
