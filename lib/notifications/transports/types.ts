import type { Locale } from "@/lib/generated/prisma/enums";

/** One message on its way to one recipient. `id` is the outbox row id. */
export type OutgoingMessage = {
  id: string;
  to: string;
  subject: string;
  text: string;
  locale: Locale;
};

export type SendResult = { providerRef: string };

/**
 * A failed send. Permanent failures (address refused, bad request) are not
 * retried; temporary ones are, with back-off. The message never contains the
 * address or the text: it ends up in logs and in the school's delivery view.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    public readonly permanent: boolean,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

/**
 * What the school's delivery view can name (lib/i18n/messages/attendance, delivery.reason):
 * `<code>` or `<code> <provider status>`, e.g. "smtp-unreachable", "sms-temporary 503".
 * Anything else a transport throws is stored as "error".
 */
export const DELIVERY_REASONS = [
  "smtp-unreachable", "smtp-timeout", "smtp-temporary", "smtp-rejected", "smtp-error",
  "sms-unreachable", "sms-timeout", "sms-temporary", "sms-rejected",
  "error", "no-address", "not-eligible", "nothing-to-tell",
] as const;
export type DeliveryReason = (typeof DELIVERY_REASONS)[number];

/** A reason as stored in Notification.lastError. */
export const reasonText = (reason: DeliveryReason, status?: number) => (status === undefined ? reason : `${reason} ${status}`);

export interface Transport {
  send(message: OutgoingMessage): Promise<SendResult>;
  close?(): void;
}
