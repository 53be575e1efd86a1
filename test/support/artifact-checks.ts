import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RenderedArtifact } from "@/lib/domain/render";
import { run, type Netns } from "./netns";

/** Problems one real tool found in one artifact; empty when it is clean. */
export type Findings = string[];

/** Runs `fn` with a scratch directory that is removed afterwards. */
export function withScratch<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "lvs-artifacts-"));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** withScratch for work that finishes later: the directory is removed once it has. */
async function withScratchAsync<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "lvs-artifacts-"));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A tool run without blocking, so several run on several cores at once. */
function runToolAsync(cmd: string, args: string[]): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ status, output: `${stdout}${stderr}` });
    });
  });
}

/** `bash -n` and shellcheck (every severity) on a script. */
export async function checkShell(dir: string, name: string, text: string): Promise<Findings> {
  const file = join(dir, name);
  writeFileSync(file, text);
  const [syntax, lint] = await Promise.all([runToolAsync("bash", ["-n", file]), runToolAsync("shellcheck", ["--severity=style", file])]);
  const out: Findings = [];
  if (syntax.status !== 0) out.push(`bash -n: ${syntax.output}`);
  if (lint.status !== 0) out.push(`shellcheck: ${lint.output}`);
  return out;
}

/** iptables-restore / ip6tables-restore --test inside a throwaway namespace. */
export function checkRestore(ns: Netns, command: "iptables-restore" | "ip6tables-restore", text: string): Findings {
  const r = ns.tryExec(command, ["--test"], text);
  return r.status === 0 ? [] : [`${command} --test: ${r.stderr || r.stdout}`];
}

/** nft -c -f inside a throwaway namespace. */
export function checkNft(ns: Netns, dir: string, text: string): Findings {
  const file = join(dir, "ruleset.nft");
  writeFileSync(file, text);
  const r = ns.tryExec("nft", ["-c", "-f", file]);
  return r.status === 0 ? [] : [`nft -c: ${r.stderr || r.stdout}`];
}

/** The interfaces the fixtures' and random documents' devices name; keepalived -t reports any it cannot find. */
export const KEEPALIVED_INTERFACES = ["eth0", "eth1", "bond0"];

/** Gives a namespace the interfaces keepalived files name (veth ends, up), so keepalived -t judges only the file. */
export function addKeepalivedInterfaces(ns: Netns): void {
  for (const name of KEEPALIVED_INTERFACES) {
    run("ip", ["-n", ns.name, "link", "add", name, "type", "veth", "peer", "name", `p${name}`]);
    run("ip", ["-n", ns.name, "link", "set", name, "up"]);
  }
}

// keepalived -t exits non-zero here without IPVS, so judge it by what it says:
// with the interfaces present a clean file prints nothing at all, so every line
// it prints (invalid, unknown, missing, a warning) is a finding.
// The one line a valid file may print: a service without real servers, which
// keepalived skips and lint already reports (NO_REAL_SERVERS).
const KEEPALIVED_EXPECTED = /^Virtual server .* has no real servers - ignoring$/;

/** keepalived -t inside the namespace: every line it prints. */
export function checkKeepalived(ns: Netns, dir: string, text: string, name = "keepalived.conf"): Findings {
  const file = join(dir, name);
  writeFileSync(file, text);
  const r = ns.tryExec("keepalived", ["-t", "-f", file]);
  return `${r.stdout}${r.stderr}`.split("\n").filter((l) => l.trim() !== "" && !KEEPALIVED_EXPECTED.test(l)).map((l) => `${name}: ${l}`);
}

const HOST4 = String.raw`\d{1,3}(?:\.\d{1,3}){3}`;
const HOST6 = String.raw`\[[0-9a-f:]+\]`;
const SERVICE = String.raw`(?:-f \d+(?: -6)?|-[tu] (?:${HOST4}|${HOST6}):\d+)`;
const IPVSADM_LINE = new RegExp([
  "^-C$",
  String.raw`^--set \d+ \d+ \d+$`,
  String.raw`^-A ${SERVICE} -s (?:rr|wrr|lc|wlc|lblc|lblcr|dh|sh|sed|nq|fo|ovf|mh)(?: -p \d+(?: -M (?:${HOST4}|\d{1,3}))?)?$`,
  String.raw`^-a ${SERVICE} -r (?:${HOST4}|${HOST6})(?::\d+)? -[gmi] -w \d+$`,
].join("|"));

/** ipvsadm-restore input checked against ipvsadm's grammar (IPVS is not in this kernel). */
export function checkIpvsadmGrammar(text: string): Findings {
  return text.split("\n").filter((l) => l !== "" && !IPVSADM_LINE.test(l)).map((l) => `ipvsadm grammar: ${l}`);
}

/** Every real-tool check on a document's rendered artifacts (the namespace needs addKeepalivedInterfaces); the scripts are linted in parallel. */
export function checkArtifacts(ns: Netns, artifacts: readonly RenderedArtifact[]): Promise<Findings> {
  const text = (format: string) => artifacts.find((a) => a.format === format)?.text ?? "";
  const scripts: [string, string][] = [
    ["install-marks.sh", "install-script"], ["real-server.sh", "real-server"], ["iptables-marks.sh", "iptables"],
    ["router-setup.sh", "router-setup"], ["collect-state.sh", "collect-state"], ["apply.sh", "apply"],
  ];
  return withScratchAsync(async (dir) => {
    const shell = Promise.all(scripts.map(([name, format]) => checkShell(dir, name, text(format))));
    const tools = [
      ...checkRestore(ns, "iptables-restore", text("iptables-restore")),
      ...checkRestore(ns, "ip6tables-restore", text("ip6tables-restore")),
      ...checkNft(ns, dir, text("nftables")),
      ...checkKeepalived(ns, dir, text("keepalived")),
      ...checkKeepalived(ns, dir, text("keepalived-backup"), "keepalived-backup.conf"),
      ...checkIpvsadmGrammar(text("ipvsadm")),
    ];
    return [...(await shell).flat(), ...tools];
  });
}
