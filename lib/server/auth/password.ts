import "server-only";
import { hash, verify, type Options } from "@node-rs/argon2";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/domain/password-policy";
import { isCommonPassword } from "./common-passwords";

/** Argon2id at OWASP's second recommended profile, a little stronger: 19 MiB would do, we use 19 MiB × 3 passes. */
const ARGON2ID: Options = {
  // Algorithm.Argon2id: an ambient const enum, which isolatedModules forbids naming.
  algorithm: 2 as NonNullable<Options["algorithm"]>,
  memoryCost: 19_456,
  timeCost: 3,
  parallelism: 1,
};


/** Hashes a password into an Argon2id PHC string (`$argon2id$v=19$m=19456,t=3,p=1$…`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

/** Checks a password against a stored PHC string; false for a malformed hash instead of throwing. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Computes the dummy hash ahead of the first login naming an unknown user (called at startup). */
export function warmDummyHash(): Promise<string> {
  dummyHash ??= hashPassword("dummy password for timing equalisation");
  return dummyHash;
}

/** Spends the same time as a real verification, for logins naming an unknown user. */
export async function verifyDummyPassword(password: string): Promise<false> {
  await verifyPassword(await warmDummyHash(), password);
  return false;
}

/** Why a new password is refused, or null when it is acceptable. Length counts code points; no composition rules (NIST SP 800-63B). */
export function passwordProblem(password: string, context: { username?: string } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (isCommonPassword(password)) return "This password is too common. Choose a less predictable one.";
  if (context.username && password.toLowerCase() === context.username.toLowerCase()) {
    return "The password must not be the username.";
  }
  return null;
}
