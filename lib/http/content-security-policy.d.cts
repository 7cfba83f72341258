export function noncePolicy(nonce: string, options?: { dev?: boolean }): string;
export function hashPolicy(hashes: string[]): string;
export function inlineScriptHashes(html: string): string[];
export const NON_PAGE_POLICY: string;
