/** Runs a call and measures it in milliseconds (scale tests print these; speed targets are the benchmarks' to judge). */
export async function timed<T>(call: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await call();
  return { result, ms: performance.now() - start };
}
