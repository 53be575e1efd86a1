// The console's roles, listed once and free of zod so client components can list them cheaply.

/** Roles, from least to most privileged. */
export const ROLES = ["viewer", "operator", "admin"] as const;

/** A console role, from least to most privileged. */
export type Role = (typeof ROLES)[number];

/** Type guard for role strings read from the database or a form. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** A role on one cluster: a console role, or "none" for a cluster the user may not see. */
export type ClusterRole = Role | "none";

/** Every role a grant row may hold. */
export const CLUSTER_ROLES = ["none", ...ROLES] as const satisfies readonly ClusterRole[];

/** Type guard for grant roles read from the database or a form. */
export function isClusterRole(value: unknown): value is ClusterRole {
  return value === "none" || isRole(value);
}

/** What an admin may grant a user on one cluster: their global role ("default"), no access, or a role. */
export const GRANT_VALUES = ["default", ...CLUSTER_ROLES] as const;
