import { afterEach, beforeEach, vi } from "vitest";

// A stray console.error during a test is a bug (or personal data in a log): fail it.
let calls: unknown[][] = [];
beforeEach(() => {
  calls = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    calls.push(args);
  });
});
afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (calls.length) throw new Error(`console.error was called ${calls.length} time(s): ${String(calls[0]?.[0]).slice(0, 200)}`);
});
