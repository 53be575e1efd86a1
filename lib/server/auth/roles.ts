import "server-only";

/** A console role, from least to most privileged. */
export type Role = "viewer" | "operator" | "admin";

export const ROLES = ["viewer", "operator", "admin"] as const satisfies readonly Role[];

/** Type guard for role strings read from the database or a form. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
