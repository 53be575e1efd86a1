import "server-only";
import type { Role } from "@/lib/domain/roles";

/** Everything the console lets someone do; each data function and route handler checks one. */
export type Permission =
  | "cluster.read"
  | "cluster.write"
  | "virtualServer.write"
  | "script.write"
  | "firewallMark.write"
  | "preview.read"
  | "export.create"
  | "export.download"
  | "document.import"
  | "routerState.upload"
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
  // Health-check scripts and sending programs run as root on the router.
  "script.write": admins,
  "firewallMark.write": editors,
  "preview.read": everyone,
  "export.create": editors,
  "export.download": editors,
  "document.import": editors,
  "routerState.upload": editors,
  "user.manage": admins,
  "audit.read": admins,
  "account.update": everyone,
} satisfies Record<Permission, Role[]>;

/** Whether a role holds a permission. */
export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
