import { z } from "zod";
import { INVITATION_STATUSES } from "@/lib/domain/invitations/status";

const Id = z.string().min(1).max(64);
/** A fresh random key per rendered form (uuid): the same form submitted twice queues once. */
const RequestKey = z.uuid();

export const InvitePersonInput = z.object({ schoolId: Id.nullable(), userId: Id, requestKey: RequestKey });
export const InviteEveryoneInput = z.object({ schoolId: Id.nullable(), classId: Id.nullable(), requestKey: RequestKey });

/** The list's filters (query string); anything unknown means "all". */
export const InvitationFilter = z.object({
  class: Id.optional().catch(undefined),
  status: z.enum(INVITATION_STATUSES).optional().catch(undefined),
});
export type InvitationFilter = z.infer<typeof InvitationFilter>;
