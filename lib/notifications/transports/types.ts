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

export interface Transport {
  send(message: OutgoingMessage): Promise<SendResult>;
  close?(): void;
}
