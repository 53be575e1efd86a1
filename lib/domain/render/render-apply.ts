import { modelOf, type DerivedModel, type ModelInput } from "../model/derive-model";
import { APPLY_BODY } from "./apply-script-body";
import { renderInstallScript } from "./render-install-script";
import { renderKeepalived, renderKeepalivedBackup } from "./render-keepalived";
import { MARK_CHAIN, iptablesCommand } from "./mangle-rules";
import { NAT_CHAIN, masqueradeOf } from "./nat-rules";
import { NFT_TABLE, renderNftables } from "./render-nftables";
import { bannerLines, toText } from "./text";

// Each embedded file is the very artifact the other formats render, inside a
// quoted here-document (the shell expands nothing in it); no line of them can
// equal a delimiter: descriptions only reach comment lines.
// The text goes in as one entry, not split into lines: same bytes once joined,
// without an array of every line of four artifacts (or a regular expression
// scanning megabytes for the final newline).
function embedded(name: string, delimiter: string, text: string): string[] {
  return [`${name}() {`, `  cat <<'${delimiter}'`, text.endsWith("\n") ? text.slice(0, -1) : text, delimiter, "}"];
}

/** The artifacts apply.sh carries inside it. */
export type EmbeddedFormat = "install-script" | "nftables" | "keepalived" | "keepalived-backup";

const RENDER_EMBEDDED: Record<EmbeddedFormat, (model: DerivedModel) => string> = {
  "install-script": renderInstallScript,
  nftables: renderNftables,
  keepalived: renderKeepalived,
  "keepalived-backup": renderKeepalivedBackup,
};

// Without a backup router in the document there is no backup file to install:
// --router backup is refused before anything changes.
function backupFile(model: DerivedModel, textOf: (format: EmbeddedFormat) => string): string[] {
  if (model.doc.cluster.backup?.enabled !== true) {
    return ["# The document has no backup router: --router backup is refused.", "keepalived_backup_file() {", "  return 1", "}"];
  }
  return embedded("keepalived_backup_file", "LVS_CONSOLE_KEEPALIVED", textOf("keepalived-backup"));
}

// The families whose nat table carries the active-FTP masquerade, as the install script decides.
function natFamilies(model: DerivedModel): string {
  return ([4, 6] as const).filter((f) => masqueradeOf(model, f) !== null).map(iptablesCommand).join(" ");
}

// renderAll hands over the texts it already rendered (`textOf`), so the four
// embedded artifacts are not rendered a second time.
/** apply.sh: installs the marks (and a router's keepalived.conf on request), rolls back by itself unless confirmed in time. */
export function renderApply(input: ModelInput, textOf?: (format: EmbeddedFormat) => string): string {
  const model = modelOf(input);
  const doc = model.doc;
  const text = textOf ?? ((format: EmbeddedFormat) => RENDER_EMBEDDED[format](model));
  return toText([
    "#!/usr/bin/env bash",
    ...bannerLines("#", doc, "Applies the firewall marks with automatic rollback (run as root; see --help)."),
    "# Like iptables-apply and FireHOL's try: the mangle and nat tables of both families, the nftables",
    "# table and keepalived.conf are saved first and restored exactly unless the change is confirmed in time.",
    "set -uo pipefail",
    "export LC_ALL=C",
    "umask 077",
    `readonly CHAIN=${MARK_CHAIN}`,
    `readonly NAT_CHAIN=${NAT_CHAIN}`,
    `readonly NAT_FAMILIES='${natFamilies(model)}'`,
    `readonly HAS_BACKUP_ROUTER=${doc.cluster.backup?.enabled === true ? 1 : 0}`,
    `readonly NFT_TABLE=${NFT_TABLE}`,
    "",
    ...embedded("install_script", "LVS_CONSOLE_INSTALL", text("install-script")),
    "",
    ...embedded("nft_rules", "LVS_CONSOLE_NFT", text("nftables")),
    "",
    ...embedded("keepalived_primary_file", "LVS_CONSOLE_KEEPALIVED", text("keepalived")),
    "",
    ...backupFile(model, text),
    "",
    ...APPLY_BODY,
  ]);
}
