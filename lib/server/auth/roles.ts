import "server-only";

/** A console role, from least to most privileged. */
export type Role = "viewer" | "operator" | "admin";

export const ROLES = ["viewer", "operator", "admin"] as const satisfies readonly Role[];

/** Type guard for role strings read from the database or a form. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** A role on one cluster: a console role, or "none" for a cluster the user may not see. */
export type ClusterRole = Role | "none";

export const CLUSTER_ROLES = ["none", ...ROLES] as const satisfies readonly ClusterRole[];

/** Type guard for grant roles read from the database or a form. */
export function isClusterRole(value: unknown): value is ClusterRole {
  return value === "none" || isRole(value);
}
