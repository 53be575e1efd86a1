// Small HTTP helpers for the web bench: timed requests, percentiles, a worker pool.
import { performance } from "node:perf_hooks";

/** One timed request: status, time to response headers (TTFB), time to the last body byte, body text. */
export interface Timed {
  status: number;
  ttfbMs: number;
  totalMs: number;
  bytes: number;
  body: string;
}

/** Sends a request and reads the whole body, timing headers and body apart. */
export async function timedFetch(url: string, init: RequestInit = {}): Promise<Timed> {
  const t0 = performance.now();
  const res = await fetch(url, { redirect: "manual", ...init });
  const ttfbMs = performance.now() - t0;
  const body = await res.text();
  return { status: res.status, ttfbMs, totalMs: performance.now() - t0, bytes: Buffer.byteLength(body), body };
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
