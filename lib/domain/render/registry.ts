import { modelOf, type DerivedModel, type ModelInput } from "../model/derive-model";
import { renderApply } from "./render-apply";
import { renderCollectState } from "./render-collect-state";
import { renderInstallScript } from "./render-install-script";
import { renderIptables } from "./render-iptables";
import { renderIp6tablesRestore, renderIptablesRestore } from "./render-iptables-restore";
import { renderIpvsadm } from "./render-ipvsadm";
import { renderKeepalived, renderKeepalivedBackup } from "./render-keepalived";
import { renderLvsCf } from "./render-lvs-cf";
import { renderNftables } from "./render-nftables";
import { renderRealServer } from "./render-real-server";
import { renderRouterSetup } from "./render-router-setup";
import { FORMAT_NAMES, type FormatName } from "./format-names";

export { FORMAT_NAMES, type FormatName };

/** What the preview, downloads and CLI need to know about a format. */
export interface FormatInfo {
  name: FormatName;
  title: string;
  filename: string;
  mediaType: string;
  /** `textOf` gives the text of another format rendered in the same pass (apply.sh embeds four). */
  render: (model: DerivedModel, textOf: (format: FormatName) => string) => string;
}

const SHELL = "text/x-shellscript; charset=utf-8";
const TEXT = "text/plain; charset=utf-8";

/** The format registry: one entry per artifact of DESIGN.md §4. */
export const FORMATS: readonly FormatInfo[] = [
  { name: "iptables", title: "iptables commands", filename: "iptables-marks.sh", mediaType: SHELL, render: renderIptables },
  { name: "install-script", title: "Install script", filename: "install-marks.sh", mediaType: SHELL, render: renderInstallScript },
  { name: "iptables-restore", title: "iptables-restore file (IPv4)", filename: "iptables", mediaType: TEXT, render: renderIptablesRestore },
  { name: "ip6tables-restore", title: "ip6tables-restore file (IPv6)", filename: "ip6tables", mediaType: TEXT, render: renderIp6tablesRestore },
  { name: "nftables", title: "nftables ruleset", filename: "lvs-console.nft", mediaType: TEXT, render: renderNftables },
  { name: "lvs.cf", title: "Piranha lvs.cf", filename: "lvs.cf", mediaType: TEXT, render: renderLvsCf },
  { name: "keepalived", title: "keepalived.conf (primary)", filename: "keepalived.conf", mediaType: TEXT, render: renderKeepalived },
  {
    name: "keepalived-backup", title: "keepalived.conf (backup)", filename: "keepalived-backup.conf", mediaType: TEXT,
    render: renderKeepalivedBackup,
  },
  { name: "ipvsadm", title: "ipvsadm-restore rules", filename: "ipvsadm.rules", mediaType: TEXT, render: renderIpvsadm },
  { name: "real-server", title: "Real-server setup script", filename: "real-server.sh", mediaType: SHELL, render: renderRealServer },
  { name: "router-setup", title: "Router setup script", filename: "router-setup.sh", mediaType: SHELL, render: renderRouterSetup },
  { name: "collect-state", title: "Collect router state", filename: "collect-state.sh", mediaType: SHELL, render: renderCollectState },
  { name: "apply", title: "Apply with automatic rollback", filename: "apply.sh", mediaType: SHELL, render: renderApply },
];

/** True when the text names a known format. */
export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

/** The registry entry of a format. */
export function getFormat(name: FormatName): FormatInfo {
  const info = FORMATS.find((f) => f.name === name);
  if (!info) throw new Error(`unknown format ${name}`);
  return info;
}

// One pass over a model: each format is rendered at most once, whoever asks
// for it first (the registry loop or apply.sh embedding it).
function renderPass(model: DerivedModel): (format: FormatName) => string {
  const texts = new Map<FormatName, string>();
  const textOf = (format: FormatName): string => {
    let text = texts.get(format);
    if (text === undefined) {
      text = getFormat(format).render(model, textOf);
      texts.set(format, text);
    }
    return text;
  };
  return textOf;
}

/** Renders one artifact of a validated document (or its derived model). */
export function renderArtifact(format: FormatName, input: ModelInput): string {
  return renderPass(modelOf(input))(format);
}

/** A rendered artifact ready to preview or download. */
export interface RenderedArtifact {
  format: FormatName;
  title: string;
  filename: string;
  mediaType: string;
  text: string;
}

/** Renders the chosen artifacts of a validated document (or its derived model), in the order given. */
export function renderSome(input: ModelInput, formats: readonly FormatName[]): RenderedArtifact[] {
  const textOf = renderPass(modelOf(input));
  return formats.map((name) => {
    const f = getFormat(name);
    return { format: f.name, title: f.title, filename: f.filename, mediaType: f.mediaType, text: textOf(f.name) };
  });
}

/** Renders every artifact of a validated document (or its derived model), in registry order. */
export function renderAll(input: ModelInput): RenderedArtifact[] {
  return renderSome(input, FORMATS.map((f) => f.name));
}
