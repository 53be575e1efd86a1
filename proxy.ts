import { NextResponse, type NextRequest } from "next/server";

// Two jobs only: a per-request CSP nonce, and an optimistic redirect of
// anonymous page visits to /login. Access is decided in lib/server on every
// call; this file never grants anything and never inspects a session's validity.

const SESSION_COOKIES = ["lvs_session", "__Host-lvs_session"];
const PUBLIC_PATHS = ["/login"];
/** Route handlers answer 401/403 themselves; a redirect would hide what the data layer decided. */
const isApi = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

/** The Content-Security-Policy of a page, allowing only scripts carrying this request's nonce. */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonce-carrying bootstrap load its chunks; no 'unsafe-eval' in production.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React renders style attributes; inline styles cannot run code, scripts are what the nonce guards.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const isPage = request.method === "GET" || request.method === "HEAD";
  const hasSessionCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (isPage && !hasSessionCookie && !PUBLIC_PATHS.includes(pathname) && !isApi(pathname)) {
    return NextResponse.redirect(new URL("/login", request.url));
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  // NODE_ENV is a build-time constant Next inlines; it is not runtime configuration.
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|robots.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
