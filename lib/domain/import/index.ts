// Import of router files: pure parsers per format, combined into one interchange document.
export { parseIptablesSave, parseIptablesScript } from "./parse-iptables";
export { parseNftRuleset } from "./parse-nft";
export { parseIpvsadmSave } from "./parse-ipvsadm";
export type { ImportedMarkRule, MarkRulesResult } from "./mark-rules";
export type { ImportedRealServer, ImportedService, ServicesResult, ClusterFacts } from "./services";
export { formatImportMessage, type ImportMessage, type ImportSeverity } from "./messages";
