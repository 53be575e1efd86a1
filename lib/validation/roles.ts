// The console's roles, free of zod so client components can list them cheaply.

/** Roles, from least to most privileged. */
export const ROLE_VALUES = ["viewer", "operator", "admin"] as const;
