import type { LvsDocument } from "../schema/document";
import { APPLY_BODY } from "./apply-script-body";
import { renderInstallScript } from "./render-install-script";
import { renderKeepalived } from "./render-keepalived";
import { MARK_CHAIN } from "./mangle-rules";
import { NFT_TABLE, renderNftables } from "./render-nftables";
import { bannerLines, toText } from "./text";

// Each embedded file is the very artifact the other formats render, inside a
// quoted here-document (the shell expands nothing in it); no line of them can
// equal a delimiter: descriptions only reach comment lines.
function embedded(name: string, delimiter: string, text: string): string[] {
  return [`${name}() {`, `  cat <<'${delimiter}'`, ...text.replace(/\n$/, "").split("\n"), delimiter, "}"];
}

/** apply.sh: installs the marks (and keepalived.conf on request), rolls back by itself unless confirmed in time. */
export function renderApply(doc: LvsDocument): string {
  return toText([
    "#!/usr/bin/env bash",
    ...bannerLines("#", doc, "Applies the firewall marks with automatic rollback (run as root; see --help)."),
    "# Like iptables-apply and FireHOL's try: the mangle tables of both families, the nftables table",
    "# and keepalived.conf are saved first and restored exactly unless the change is confirmed in time.",
    "set -uo pipefail",
    "export LC_ALL=C",
    "umask 077",
    `readonly CHAIN=${MARK_CHAIN}`,
    `readonly NFT_TABLE=${NFT_TABLE}`,
    "",
    ...embedded("install_script", "LVS_CONSOLE_INSTALL", renderInstallScript(doc)),
    "",
    ...embedded("nft_rules", "LVS_CONSOLE_NFT", renderNftables(doc)),
    "",
    ...embedded("keepalived_file", "LVS_CONSOLE_KEEPALIVED", renderKeepalived(doc)),
    "",
    ...APPLY_BODY,
  ]);
}
