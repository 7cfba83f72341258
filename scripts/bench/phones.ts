// Phones, not kilobytes (docs/benchmarks.md, "Phones"): what a parent on a mid-range phone feels,
// measured by Lighthouse (the ecosystem's tool) in Chromium on a throttled profile with a cold
// cache: Largest Contentful Paint, Total Blocking Time and Cumulative Layout Shift.
import { existsSync } from "node:fs";

/**
 * The throttled profile, applied by the DevTools protocol (`throttlingMethod: "devtools"`), as
 * the budget states it: the CPU 4× slower, 150 ms round trip per request, 1.6 Mbit/s down
 * (and 750 kbit/s up, Lighthouse's mobile upload). Lighthouse's own "Slow 4G" preset simulates
 * instead and adds a factor to the round trip; here the numbers are applied as they are.
 */
export const PHONE_PROFILE = { cpuSlowdownMultiplier: 4, requestLatencyMs: 150, downloadThroughputKbps: 1600, uploadThroughputKbps: 750 } as const;

export const PHONE_BUDGETS = { lcpMs: 2500, tbtMs: 200, cls: 0.1 } as const;

export type PhoneRun = { lcpMs: number; tbtMs: number; cls: number; status: number | null };
export type PhoneResult = { path: string; runs: PhoneRun[]; median: { lcpMs: number; tbtMs: number; cls: number }; met: boolean };

export const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function phoneVerdict(path: string, runs: PhoneRun[]): PhoneResult {
  const m = {
    lcpMs: Math.round(median(runs.map((r) => r.lcpMs))),
    tbtMs: Math.round(median(runs.map((r) => r.tbtMs))),
    cls: Math.round(median(runs.map((r) => r.cls)) * 1000) / 1000,
  };
  const ok = runs.length > 0 && runs.every((r) => r.status === 200) && m.lcpMs <= PHONE_BUDGETS.lcpMs && m.tbtMs <= PHONE_BUDGETS.tbtMs && m.cls <= PHONE_BUDGETS.cls;
  return { path, runs, median: m, met: ok };
}

/** Lighthouse runs of each page, `runs` times, in one headless Chromium. */
export async function phoneMetrics(base: string, pages: { path: string; cookie?: string }[], runs: number): Promise<PhoneResult[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (set CHROME_PATH)`);
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-extensions", "--no-first-run", "--mute-audio"],
    logLevel: "silent",
  });
  const config = {
    extends: "lighthouse:default",
    settings: {
      onlyAudits: ["largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"],
      formFactor: "mobile" as const,
      screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false },
      throttlingMethod: "devtools" as const,
      throttling: { rttMs: PHONE_PROFILE.requestLatencyMs, throughputKbps: PHONE_PROFILE.downloadThroughputKbps, ...PHONE_PROFILE },
      // Cold cache: Lighthouse clears the origin's storage and the HTTP cache before loading.
      disableStorageReset: false,
    },
  };
  try {
    const results: PhoneResult[] = [];
    for (const page of pages) {
      const pageRuns: PhoneRun[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(
          `${base}${page.path}`,
          { port: Number(chrome.port), output: "json", logLevel: "error", extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined },
          config,
        );
        const audits = result?.lhr.audits;
        const value = (id: string) => Number(audits?.[id]?.numericValue ?? NaN);
        // The page asked for, not a redirect (to sign-in, say): only then do its figures count.
        const final = result?.lhr.finalDisplayedUrl;
        const mainDocument = final && new URL(final).pathname === new URL(`${base}${page.path}`).pathname ? 200 : null;
        if (result?.lhr.runtimeError) throw new Error(`Lighthouse on ${page.path}: ${result.lhr.runtimeError.code}`);
        pageRuns.push({ lcpMs: Math.round(value("largest-contentful-paint")), tbtMs: Math.round(value("total-blocking-time")), cls: Math.round(value("cumulative-layout-shift") * 1000) / 1000, status: mainDocument });
      }
      results.push(phoneVerdict(page.path, pageRuns));
    }
    return results;
  } finally {
    chrome.kill();
  }
}
