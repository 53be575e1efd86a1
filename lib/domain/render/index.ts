// Every artifact renderer behind one registry; each is a pure function of a validated document.
export * from "./registry";
export { renderApply } from "./render-apply";
export { renderCollectState } from "./render-collect-state";
export { renderInstallScript } from "./render-install-script";
export { renderIptables } from "./render-iptables";
export { renderIp6tablesRestore, renderIptablesRestore } from "./render-iptables-restore";
export { renderIpvsadm } from "./render-ipvsadm";
export { renderKeepalived, renderKeepalivedBackup } from "./render-keepalived";
export { renderLvsCf } from "./render-lvs-cf";
export { renderNftables, NFT_TABLE } from "./render-nftables";
export { renderRealServer } from "./render-real-server";
export { renderRouterSetup, routerNeeds, ROUTER_SETUP_FILES } from "./render-router-setup";
export { MARK_CHAIN } from "./mangle-rules";
export { MULTIPORT_SLOTS, multiportChunks } from "./port-groups";
export { sanitizeComment } from "./text";
