import "server-only";
import type { Role } from "./roles";
import { getSessionUser, type SessionUser } from "./session";

export { ROLES, isRole, type Role } from "./roles";

/** Everything the console lets someone do; each data function and route handler checks one. */
export type Permission =
  | "cluster.read"
  | "cluster.write"
  | "virtualServer.write"
  | "firewallMark.write"
  | "preview.read"
  | "export.create"
  | "export.download"
  | "document.import"
  | "user.manage"
  | "audit.read"
  | "account.update";

const everyone: Role[] = ["viewer", "operator", "admin"];
const editors: Role[] = ["operator", "admin"];
const admins: Role[] = ["admin"];

/** Which roles hold each permission (DESIGN.md §6). The single source of truth. */
export const PERMISSIONS = {
  "cluster.read": everyone,
  "cluster.write": admins,
  "virtualServer.write": editors,
  "firewallMark.write": editors,
  "preview.read": everyone,
  "export.create": editors,
  "export.download": editors,
  "document.import": editors,
  "user.manage": admins,
  "audit.read": admins,
  "account.update": everyone,
} satisfies Record<Permission, Role[]>;

/** Whether a role holds a permission. */
export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Messages are fixed so clients (and the access matrix) can recognise a denial. */
export const UNAUTHENTICATED_MESSAGE = "Your session has ended. Sign in again.";
export const FORBIDDEN_MESSAGE = "Your role does not allow this action.";

/** Thrown by requirePermission: status 401 for anonymous callers, 403 for a role without the permission. */
export class AuthorizationError extends Error {
  readonly status: 401 | 403;
  constructor(status: 401 | 403, message = status === 401 ? UNAUTHENTICATED_MESSAGE : FORBIDDEN_MESSAGE) {
    super(message);
    this.name = "AuthorizationError";
    this.status = status;
  }
}

/** Returns the signed-in user when their current role holds `permission`; throws AuthorizationError otherwise. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AuthorizationError(401);
  if (!can(user.role, permission)) throw new AuthorizationError(403);
  return user;
}

/** Route handlers: turns an AuthorizationError into a 401/403 response; rethrows anything else. */
export function authorizationErrorResponse(error: unknown): Response {
  if (error instanceof AuthorizationError) {
    return Response.json({ message: error.message }, { status: error.status, headers: { "Cache-Control": "no-store" } });
  }
  throw error;
}
