export function requestIdFrom(value: string | null | undefined): string;
export const REQUEST_ID_HEADER: "x-request-id";
