export function withPageHeaders<T>(value: T): T;
export const LANGUAGE_VARY: string;
