// The console's roles, free of zod so client components can list them cheaply.

/** Roles, from least to most privileged. */
export const ROLE_VALUES = ["viewer", "operator", "admin"] as const;

/** What an admin may grant a user on one cluster: their global role ("default"), no access, or a role. */
export const GRANT_VALUES = ["default", "none", ...ROLE_VALUES] as const;
