// Who may call what. Every server action and route handler in the app must be
// listed here; the access matrix fails on anything it discovers that is not.
// Keep this in step with PERMISSIONS in lib/server/auth/permission-map.ts.

export type Role = "viewer" | "operator" | "admin";
export type Caller = "anonymous" | Role;

const everyone: Role[] = ["viewer", "operator", "admin"];
const editors: Role[] = ["operator", "admin"];
const admins: Role[] = ["admin"];

export interface ActionExpectation {
  /** Roles whose calls must get past authorization; "public" = anonymous callers too (login/logout). */
  allow: Role[] | "public";
  /**
   * Extra argument lists sent besides `[]`, naming objects that do not exist
   * (id 999999) so that allowed calls change nothing other specs rely on.
   * Denied callers must change nothing with any of them.
   */
  probes?: unknown[][];
  /** Ends the caller's session (run last for each caller). */
  endsSession?: boolean;
}

const missing = 999_999;

/** Keyed by export name, or "file#export" when two modules export the same name. */
export const ACTIONS: Record<string, ActionExpectation> = {
  // lib/server/auth/actions.ts
  login: { allow: "public" },
  logout: { allow: "public", endsSession: true },
  changeOwnPasswordAction: { allow: everyone },
  // lib/server/auth/user-actions.ts
  // A valid payload: an allowed admin really creates this viewer, so denial is proven on a call that would succeed.
  createUserAction: { allow: admins, probes: [[{ username: "matrix-probe", role: "viewer", password: "matrix-Probe-passw0rd" }]] },
  changeUserRoleAction: { allow: admins, probes: [[{ userId: missing, role: "admin", version: 1 }]] },
  setUserDisabledAction: { allow: admins, probes: [[{ userId: missing, disabled: true, version: 1 }]] },
  resetUserPasswordAction: { allow: admins, probes: [[{ userId: missing, password: "matrix-Reset-pw-1" }]] },
  setClusterGrantAction: { allow: admins, probes: [[{ userId: missing, clusterId: missing, role: "none" }]] },
  // lib/server/actions/clusters.ts
  selectClusterAction: { allow: everyone, probes: [[1]] },
  createClusterAction: { allow: admins, probes: [[{}]] },
  renameClusterAction: { allow: admins, probes: [[missing, 1, { name: "matrix-renamed" }]] },
  deleteClusterAction: { allow: admins, probes: [[missing, 1]] },
  updateGlobalSettingsAction: { allow: admins, probes: [[missing, 1, {}]] },
  updateRedundancyAction: { allow: admins, probes: [[missing, 1, {}]] },
  // lib/server/actions/firewall-marks.ts
  createFirewallMarkAction: { allow: editors, probes: [[missing, { mark: 4242, name: "matrix", vip: "192.0.2.42", protocol: "tcp", ports: ["4242"] }]] },
  updateFirewallMarkAction: { allow: editors, probes: [[missing, 1, {}]] },
  deleteFirewallMarkAction: { allow: editors, probes: [[missing, 1, true]] },
  // lib/server/actions/virtual-servers.ts
  createVirtualServerAction: { allow: editors, probes: [[missing, { name: "matrix", vip: "192.0.2.43", port: 80, protocol: "tcp" }]] },
  updateVirtualServerAction: { allow: editors, probes: [[missing, 1, {}]] },
  setVirtualServerActiveAction: { allow: editors, probes: [[missing, 1, false]] },
  deleteVirtualServerAction: { allow: editors, probes: [[missing, 1]] },
  createVirtualServerFromBundleAction: { allow: editors, probes: [[missing]] },
  // lib/server/actions/real-servers.ts
  createRealServerAction: { allow: editors, probes: [[missing, { name: "matrix", address: "10.0.0.9", weight: 1 }]] },
  updateRealServerAction: { allow: editors, probes: [[missing, 1, {}]] },
  setRealServerActiveAction: { allow: editors, probes: [[missing, 1, false]] },
  deleteRealServerAction: { allow: editors, probes: [[missing, 1]] },
  // lib/server/actions/preview.ts
  previewClusterAction: { allow: everyone, probes: [[1]] },
  previewArtifactAction: { allow: everyone, probes: [[1, "install-script"]] },
  exportClusterAction: { allow: editors, probes: [[{ clusterId: missing, comment: "matrix" }]] },
  importDocumentAction: { allow: editors },
  // lib/server/actions/router-states.ts
  uploadRouterStateAction: { allow: editors },
  whatIfAction: { allow: everyone, probes: [[missing, { to: "192.0.2.1:80", protocol: "tcp", from: "" }]] },
  // lib/server/actions/import.ts
  previewImportAction: { allow: editors },
  applyImportAction: { allow: editors },
  previewDocumentAction: { allow: editors },
  // lib/server/actions/exports.ts
  restoreExportAction: { allow: editors, probes: [[{ exportId: missing, baseSha256: "0".repeat(64), resultSha256: "0".repeat(64) }]] },
};

export interface RouteExpectation {
  allow: Role[] | "public";
  /** Values for the dynamic segments; ids should name nothing so allowed calls change nothing either. */
  params?: Record<string, string>;
}

/** Keyed by "METHOD /app/path/with/[segments]". */
export const ROUTES: Record<string, RouteExpectation> = {
  "GET /api/exports/[id]/archive": { allow: editors, params: { id: String(missing) } },
  "GET /api/exports/[id]/artifacts/[format]": { allow: editors, params: { id: String(missing), format: "lvs.cf" } },
  "GET /api/clusters/[id]/document": { allow: editors, params: { id: "1" } },
  // HEAD answers like GET without a body (and records no download): the same callers.
  "HEAD /api/exports/[id]/archive": { allow: editors, params: { id: String(missing) } },
  "HEAD /api/exports/[id]/artifacts/[format]": { allow: editors, params: { id: String(missing), format: "lvs.cf" } },
  "HEAD /api/clusters/[id]/document": { allow: editors, params: { id: "1" } },
};

/** The messages AuthorizationError carries (lib/server/auth/permissions.ts). */
export const DENIAL_MARKERS = ["Your session has ended. Sign in again.", "Your role does not allow this action."];
