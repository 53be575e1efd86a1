// Each form's schema, loaded when the form first validates (see lazy-zod-resolver.ts).

export const loadFirewallMarkSchema = () => import("@/lib/domain/schema/firewall-mark").then((m) => m.firewallMarkSchema);
export const loadVirtualServerSchema = () => import("@/lib/domain/schema/virtual-server").then((m) => m.virtualServerSchema);
export const loadRealServerSchema = () => import("@/lib/domain/schema/real-server").then((m) => m.realServerSchema);
export const loadGlobalSettingsSchema = () => import("@/lib/domain/schema/cluster-forms").then((m) => m.globalSettingsSchema);
export const loadRedundancySchema = () => import("@/lib/domain/schema/cluster-forms").then((m) => m.redundancySchema);
export const loadNewClusterSchema = () => import("@/lib/domain/schema/cluster-forms").then((m) => m.newClusterSchema);
export const loadRenameClusterSchema = () => import("@/lib/domain/schema/cluster-forms").then((m) => m.renameClusterSchema);
export const loadCreateUserSchema = () => import("@/lib/domain/schema/account").then((m) => m.createUserSchema);
export const loadChangeOwnPasswordSchema = () => import("@/lib/domain/schema/account").then((m) => m.changeOwnPasswordSchema);
export const loadWhatIfSchema = () => import("@/lib/domain/schema/what-if-form").then((m) => m.whatIfFormSchema);
