// A stand-in for `next/headers` in integration tests, which run lib/server code
// outside a Next request. Use with:
//   vi.mock("next/headers", () => import("../support/next-request"));
// then drive it through `fakeRequest` (cookies the "browser" holds, request headers).

interface CookieOptions {
  expires?: Date;
  httpOnly?: boolean;
  sameSite?: string;
  secure?: boolean;
  path?: string;
}

/** The simulated browser: its cookie jar, the options of the last Set-Cookie per name, and request headers. */
export const fakeRequest = {
  jar: new Map<string, string>(),
  setCookieOptions: new Map<string, CookieOptions>(),
  // x-lvs-peer is the socket's address as scripts/serve.mjs passes it on.
  headers: new Map<string, string>([["user-agent", "vitest"], ["x-lvs-peer", "203.0.113.50"]]),
  /** Forget every cookie (an anonymous browser). */
  reset(): void {
    this.jar.clear();
    this.setCookieOptions.clear();
  },
};

/** `cookies()` of next/headers over the fake jar. */
export async function cookies() {
  return {
    get: (name: string) => (fakeRequest.jar.has(name) ? { name, value: fakeRequest.jar.get(name)! } : undefined),
    has: (name: string) => fakeRequest.jar.has(name),
    getAll: () => [...fakeRequest.jar].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string, options: CookieOptions = {}) => {
      fakeRequest.jar.set(name, value);
      fakeRequest.setCookieOptions.set(name, options);
    },
    delete: (nameOrOptions: string | { name: string }) => {
      fakeRequest.jar.delete(typeof nameOrOptions === "string" ? nameOrOptions : nameOrOptions.name);
    },
  };
}

/** `headers()` of next/headers over the fake request headers. */
export async function headers() {
  return new Headers([...fakeRequest.headers]);
}
