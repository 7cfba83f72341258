import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DeliveryError, reasonText, type OutgoingMessage, type SendResult, type Transport } from "@/lib/notifications/transports/types";

// Text messages through an SMS provider's HTTP API. One implementation:
// POST SMS_PROVIDER_URL with a bearer token (SMS_PROVIDER_TOKEN) and
//   { "to": "+31612345678", "text": "…", "reference": "<outbox id>" }
// plus an Idempotency-Key header with the outbox id, so a provider that
// supports it drops a resend. A 2xx answer means accepted; the body may carry
// { "id": "…" }. 408, 429, 5xx, a timeout and no connection are retried
// (docs/decisions/0042); other 4xx are permanent.
// Without SMS_PROVIDER_URL (development) each message is written to SMS_DIR.

export class HttpSmsProvider implements Transport {
  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(message: OutgoingMessage): Promise<SendResult> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: "POST",
        headers: {
          authorization: `Bearer ${this.token}`,
          "content-type": "application/json",
          "idempotency-key": message.id,
        },
        body: JSON.stringify({ to: message.to, text: message.text, reference: message.id }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new DeliveryError(reasonText((error as Error).name === "TimeoutError" ? "sms-timeout" : "sms-unreachable"), false);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      const permanent = response.status < 500 && response.status !== 429 && response.status !== 408;
      throw new DeliveryError(reasonText(permanent ? "sms-rejected" : "sms-temporary", response.status), permanent);
    }
    const body = (await response.json().catch(() => ({}))) as { id?: unknown };
    return { providerRef: typeof body.id === "string" ? body.id : `sms:${message.id}` };
  }
}

export function createSmsTransport(env: NodeJS.ProcessEnv = process.env): Transport {
  if (env.SMS_PROVIDER_URL) {
    // SMS_TIMEOUT_SECONDS (default 10): like SMTP, well under the worker's 120-second claim.
    const seconds = Number(env.SMS_TIMEOUT_SECONDS);
    return new HttpSmsProvider(env.SMS_PROVIDER_URL, env.SMS_PROVIDER_TOKEN ?? "", Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 10_000);
  }
  const dir = path.resolve(env.SMS_DIR ?? ".data/sms");
  return {
    async send(message: OutgoingMessage): Promise<SendResult> {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${message.id}.json`), JSON.stringify({ to: message.to, text: message.text }));
      return { providerRef: `file:${message.id}` };
    },
  };
}
