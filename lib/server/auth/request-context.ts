import "server-only";
import { cookies, headers } from "next/headers";
import { env } from "@/lib/server/env";
import { PEER_HEADER, resolveClientAddress } from "./client-address";
import { DEVICE_COOKIE, SECURE_DEVICE_COOKIE } from "./device-cookie";

export const COOKIE_NAME = "lvs_session";
export const SECURE_COOKIE_NAME = "__Host-lvs_session";

/** Who is calling: client address (best effort), user agent, and whether the request came over https. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  secure: boolean;
}

/**
 * Reads the request's metadata. The client address is the socket's peer
 * (header PEER_HEADER, set by scripts/serve.mjs and never taken from the
 * client), or what TRUST_PROXY allows of X-Forwarded-For; throttling, audit and
 * sessions all use it. Without the serving script (next dev) it is null.
 */
export async function getRequestMeta(): Promise<RequestMeta> {
  const h = await headers();
  const e = env();
  const ip = resolveClientAddress(h.get(PEER_HEADER), h.get("x-forwarded-for"), e.TRUST_PROXY);
  const setting = e.COOKIE_SECURE;
  const secure = setting === "true" || (setting === "auto" && (h.get("x-forwarded-proto") ?? "").split(",")[0]?.trim() === "https");
  return { ip: ip ? ip.slice(0, 64) : null, userAgent: h.get("user-agent")?.slice(0, 256) ?? null, secure };
}

/** The cookie name for this scheme: `__Host-` (Secure, no Domain, Path=/) over https. */
export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_COOKIE_NAME : COOKIE_NAME;
}

/** The session token presented by this request, if any. */
export async function readSessionToken(): Promise<string | null> {
  const { secure } = await getRequestMeta();
  const value = (await cookies()).get(sessionCookieName(secure))?.value;
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Path=/, Secure over https; expires with the session's absolute deadline. */
export async function writeSessionCookie(token: string, expiresAt: Date): Promise<void> {
  const { secure } = await getRequestMeta();
  (await cookies()).set(sessionCookieName(secure), token, {
    httpOnly: true,
    sameSite: "strict",
    secure,
    path: "/",
    expires: expiresAt,
  });
}

/** Removes the session cookie under both names. */
export async function clearSessionCookie(): Promise<void> {
  const jar = await cookies();
  const { secure } = await getRequestMeta();
  jar.delete({ name: sessionCookieName(secure), path: "/", secure, httpOnly: true, sameSite: "strict" });
}

/** The device cookie this browser holds (see device-cookie.ts), if any. */
export async function readDeviceCookie(): Promise<string | undefined> {
  const { secure } = await getRequestMeta();
  return (await cookies()).get(secure ? SECURE_DEVICE_COOKIE : DEVICE_COOKIE)?.value;
}

/** Remembers this browser as a device that signed in to an account: HttpOnly, SameSite=Strict, a year. */
export async function writeDeviceCookie(value: string): Promise<void> {
  const { secure } = await getRequestMeta();
  (await cookies()).set(secure ? SECURE_DEVICE_COOKIE : DEVICE_COOKIE, value, {
    httpOnly: true, sameSite: "strict", secure, path: "/", maxAge: 365 * 86_400,
  });
}
