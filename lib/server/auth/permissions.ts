import "server-only";
import { can, type Permission } from "./permission-map";
import { getSessionUser, type SessionUser } from "./session";

export { can, PERMISSIONS, type Permission } from "./permission-map";
export { ROLES, isRole, type Role } from "@/lib/domain/roles";

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
