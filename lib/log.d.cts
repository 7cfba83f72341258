import type { AsyncLocalStorage } from "node:async_hooks";
import type { DestinationStream, Logger } from "pino";

export const log: Logger;
export function createLogger(options?: { destination?: DestinationStream; level?: string }): Logger;
export const requestContext: AsyncLocalStorage<{ requestId: string }>;
export function withoutPersonalData<T>(value: T): T;
export const PERSONAL_KEYS: ReadonlySet<string>;
