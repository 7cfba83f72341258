import autocannon from "autocannon";
import { summarise, type Summary } from "./stats";
import type { Session } from "./sessions";

export type HttpResult = Summary & { non2xx: number };

type Options = { url: string; connections: number; seconds: number; sessions?: Session[]; path?: string };

/**
 * autocannon against one path, or round-robin over many sessions, each with
 * its own cookie and path. Latencies are collected per response so we can
 * report p95 (autocannon's own summary has p90 and p97.5, not p95).
 */
export function httpLoad({ url, connections, seconds, sessions, path }: Options): Promise<HttpResult> {
  let next = 0;
  const latencies: number[] = [];
  let non2xx = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: [
          {
            setupRequest: (request) => {
              if (!sessions?.length) return { ...request, path: path ?? "/" };
              const session = sessions[next++ % sessions.length];
              return { ...request, path: session.path, headers: { ...request.headers, cookie: session.cookie } };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({ ...summarise(latencies, result.errors + result.timeouts + non2xx, result.duration), non2xx });
      },
    );
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      else non2xx++;
    });
  });
}
