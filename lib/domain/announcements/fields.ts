// A class announcement's limits, apart from zod so the client form can import them.
// Short on purpose: a text message carries only a note and a link to the
// portal, an e-mail the whole text.
export const SUBJECT_MAX = 80;
export const BODY_MAX = 1000;
