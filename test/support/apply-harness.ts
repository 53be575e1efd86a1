import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { renderApply, renderInstallScript, renderNftables } from "@/lib/domain/render";
import type { LvsDocument } from "@/lib/domain/schema";
import { createNetns, type Netns } from "./netns";

/** An apply.sh started in the background: its end and what it printed so far. */
export interface RunningApply { done: Promise<{ code: number | null; stderr: string }>; stderr: () => string }

const plain = (text: string) => text.split("\n").filter((l) => !l.startsWith("#")).join("\n").replace(/\[\d+:\d+\]/g, "[0:0]");

/** Every iptables and ip6tables table, without comments and counters. */
export function saveAllTables(ns: Netns): string {
  return [plain(ns.exec("iptables-save", [])), plain(ns.exec("ip6tables-save", []))].join("\n");
}

/** What the apply tests compare: every iptables and ip6tables table and the whole nft ruleset. */
export function snapshotTables(ns: Netns): string {
  return [saveAllTables(ns), ns.exec("nft", ["list", "ruleset"])].join("\n");
}

/** Loads a document on the router as an operator would: its install script, then (optionally) its nftables file. */
export function loadDocument(ns: Netns, doc: LvsDocument, nftables = true): void {
  const dir = mkdtempSync(join(tmpdir(), "lvs-earlier-"));
  try {
    writeFileSync(join(dir, "install.sh"), renderInstallScript(doc));
    ns.exec("bash", [join(dir, "install.sh")]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (nftables) ns.exec("nft", ["-f", "-"], renderNftables(doc));
}

/** Creates apply-test routers: each a namespace with the document's apply.sh beside a private state directory. */
export function createApplyHarness() {
  const cleanups: (() => void)[] = [];
  const cleanUp = () => { while (cleanups.length) cleanups.pop()?.(); };

  function setup(doc: LvsDocument) {
    const ns = createNetns("lvsp");
    const dir = mkdtempSync(join(tmpdir(), "lvs-apply-"));
    cleanups.push(() => { ns.destroy(); rmSync(dir, { recursive: true, force: true }); });
    const script = join(dir, "apply.sh");
    writeFileSync(script, renderApply(doc), { mode: 0o700 });
    const stateDir = join(dir, "state");
    const run = (args: string[]) => ns.tryExec("bash", [script, "--state-dir", stateDir, ...args]);
    const start = (args: string[]): RunningApply => {
      const child = spawn("ip", ["netns", "exec", ns.name, "bash", script, "--state-dir", stateDir, ...args], { stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => { stderr += d.toString(); });
      cleanups.unshift(() => child.kill("SIGKILL"));
      return { done: new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr }))), stderr: () => stderr };
    };
    const waiting = async (r: RunningApply) => {
      for (let i = 0; i < 100 && !r.stderr().includes("new rules are in place"); i++) await new Promise((ok) => setTimeout(ok, 100));
      expect(r.stderr()).toContain("new rules are in place");
    };
    return { ns, dir, stateDir, run, start, waiting };
  }

  return { setup, cleanUp };
}
