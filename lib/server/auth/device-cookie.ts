import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/data-errors";

// OWASP's device cookies: a browser that signed in to an account gets a
// signed cookie naming that account and a random nonce. Its failures count in a
// bucket of its own, so strangers guessing from elsewhere cannot lock the owner
// out; clients without a valid cookie share the account's bucket.

export const DEVICE_COOKIE = "lvs_device";
export const SECURE_DEVICE_COOKIE = "__Host-lvs_device";
const SECRET_NAME = "device-cookie-key";

let secret: Promise<Buffer> | undefined;

/** The signing key, created once per database (a row of ConsoleSecret) and cached. */
function signingKey(): Promise<Buffer> {
  secret ??= (async () => {
    const existing = await db.consoleSecret.findUnique({ where: { name: SECRET_NAME } });
    if (existing) return Buffer.from(existing.value, "base64url");
    try {
      await db.consoleSecret.create({ data: { name: SECRET_NAME, value: randomBytes(32).toString("base64url") } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // another process created it first
    }
    return Buffer.from((await db.consoleSecret.findUniqueOrThrow({ where: { name: SECRET_NAME } })).value, "base64url");
  })().catch((error: unknown) => {
    secret = undefined;
    throw error;
  });
  return secret;
}

const mac = (key: Buffer, payload: string) => createHmac("sha256", key).update(payload).digest("base64url");

/** A fresh device cookie value for an account (its throttle key); the nonce identifies the device's bucket. */
export async function issueDeviceCookie(accountKey: string): Promise<string> {
  const payload = `${Buffer.from(accountKey, "utf8").toString("base64url")}.${randomBytes(16).toString("base64url")}`;
  return `${payload}.${mac(await signingKey(), payload)}`;
}

/** The nonce of a device cookie validly signed for this account, or null (no cookie, another account, forged). */
export async function verifyDeviceCookie(value: string | undefined, accountKey: string): Promise<string | null> {
  if (!value || value.length > 256) return null;
  const parts = value.split(".");
  if (parts.length !== 3) return null;
  const [account, nonce, signature] = parts as [string, string, string];
  const expected = Buffer.from(mac(await signingKey(), `${account}.${nonce}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Buffer.from(account, "base64url").toString("utf8") === accountKey && /^[A-Za-z0-9_-]{22}$/.test(nonce) ? nonce : null;
}
