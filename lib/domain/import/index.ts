// Import of router files: pure parsers per format, combined into one interchange document.
export { parseIptablesSave, parseIptablesScript } from "./parse-iptables";
export { parseNftRuleset } from "./parse-nft";
export { parseIpvsadmSave } from "./parse-ipvsadm";
export { parseKeepalived } from "./parse-keepalived";
export { parseLvsCf } from "./parse-lvs-cf";
export { combineImports } from "./combine";
export { bundlesFromRules } from "./bundles-from-rules";
export { detectFormat, IMPORT_FORMATS, isImportFormat, type ImportFormat } from "./detect-format";
export { importFiles, hasUnimported, type ImportFile, type ImportOptions, type ImportResult } from "./import-files";
export { memoryReader, type IncludeReader } from "./include-reader";
export type { ImportedMarkRule, MarkRulesResult } from "./mark-rules";
export type { ImportedRealServer, ImportedService, ServicesResult, ClusterFacts } from "./services";
export { formatImportMessage, MAX_INPUT_BYTES, type ImportMessage, type ImportSeverity } from "./messages";
