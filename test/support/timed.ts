/** Runs a call and measures it in milliseconds (scale tests report and bound these). */
export async function timed<T>(call: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await call();
  return { result, ms: performance.now() - start };
}
