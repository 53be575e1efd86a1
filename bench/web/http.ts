// Small HTTP helpers for the web bench: timed requests, percentiles, a worker pool.
import { request } from "node:http";
import { performance } from "node:perf_hooks";

/** One timed request: status, time to response headers (TTFB), time to the last body byte, body text. */
export interface Timed {
  status: number;
  ttfbMs: number;
  totalMs: number;
  bytes: number;
  body: string;
  /** The response's ETag header, when it has one. */
  etag?: string;
}

/** Request options for timedFetch: method, headers and an optional text body. */
export interface TimedInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

// node:http with a fresh connection per request (no keep-alive): under load
// a pooled socket can be closed by the server just as it is reused, which
// would show up as a spurious ECONNRESET rather than the server's own answer.
/** Sends a request and reads the whole body, timing the response headers (TTFB) and the last byte apart. */
export function timedFetch(url: string, init: TimedInit = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(url, { method: init.method ?? "GET", headers: init.headers, agent: false }, (res) => {
      const ttfbMs = performance.now() - t0;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const buf = Buffer.concat(chunks);
        const etag = typeof res.headers.etag === "string" ? { etag: res.headers.etag } : {};
        resolve({ status: res.statusCode ?? 0, ttfbMs, totalMs: performance.now() - t0, bytes: buf.length, body: buf.toString("utf8"), ...etag });
      });
    });
    req.setTimeout(300_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.on("error", reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

/** The p-th percentile (nearest rank) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Runs `workers` loops concurrently; each calls `step(worker, iteration)` `iterations` times or until the deadline. */
export async function runWorkers(workers: number, iterations: number, deadlineMs: number, step: (worker: number, iteration: number) => Promise<void>) {
  const stopAt = performance.now() + deadlineMs;
  await Promise.all(Array.from({ length: workers }, async (_, w) => {
    for (let i = 0; i < iterations && performance.now() < stopAt; i++) await step(w, i);
  }));
}

export const round = (n: number) => Math.round(n * 10) / 10;
