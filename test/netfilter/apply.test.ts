import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { renderApply, renderInstallScript, renderNftables } from "@/lib/domain/render";
import { parseDocument, type LvsDocument } from "@/lib/domain/schema";
import { arbitraryDocument } from "../support/arbitrary-document";
import { loadFixtures } from "../support/domain-fixtures";
import { saveMangle } from "../support/mark-probes";
import { createNetns, type Netns } from "../support/netns";
import { hasCommand, requireOrSkip } from "../support/requirements";

const ready = requireOrSkip("apply.sh with automatic rollback", {
  root: true,
  tools: ["ip", "bash", "iptables-save", "iptables-restore", "ip6tables-save", "ip6tables-restore", "nft"],
});

const fixture = (name: string) => loadFixtures().find((f) => f.name === name)!.doc;
/** What the test compares: both mangle tables and the whole nft ruleset. */
const snapshot = (ns: Netns) => `${saveMangle(ns)}\n${ns.exec("nft", ["list", "ruleset"])}`;

interface Running { done: Promise<{ code: number | null; stderr: string }>; stderr: () => string }

describe.runIf(ready)("apply.sh with automatic rollback", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => { while (cleanups.length) cleanups.pop()?.(); });

  function setup(doc: LvsDocument = fixture("protocol-both")) {
    const ns = createNetns("lvsp");
    const dir = mkdtempSync(join(tmpdir(), "lvs-apply-"));
    cleanups.push(() => { ns.destroy(); rmSync(dir, { recursive: true, force: true }); });
    const script = join(dir, "apply.sh");
    writeFileSync(script, renderApply(doc), { mode: 0o700 });
    const stateDir = join(dir, "state");
    const run = (args: string[]) => ns.tryExec("bash", [script, "--state-dir", stateDir, ...args]);
    const start = (args: string[]): Running => {
      const child = spawn("ip", ["netns", "exec", ns.name, "bash", script, "--state-dir", stateDir, ...args], { stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => { stderr += d.toString(); });
      cleanups.unshift(() => child.kill("SIGKILL"));
      return { done: new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr }))), stderr: () => stderr };
    };
    const waiting = async (r: Running) => {
      for (let i = 0; i < 100 && !r.stderr().includes("new rules are in place"); i++) await new Promise((ok) => setTimeout(ok, 100));
      expect(r.stderr()).toContain("new rules are in place");
    };
    return { ns, dir, stateDir, run, start, waiting };
  }

  const loadEarlier = (ns: Netns) => {
    const dir = mkdtempSync(join(tmpdir(), "lvs-earlier-"));
    try {
      writeFileSync(join(dir, "install.sh"), renderInstallScript(fixture("manual-nat")));
      ns.exec("bash", [join(dir, "install.sh")]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    ns.exec("iptables", ["-t", "mangle", "-A", "OUTPUT", "-p", "tcp", "--dport", "25", "-j", "MARK", "--set-mark", "9"]);
    ns.exec("nft", ["-f", "-"], renderNftables(fixture("ipv6")));
  };

  it("without confirmation restores iptables-save and nft list ruleset exactly (earlier rules loaded)", () => {
    const { ns, run, stateDir } = setup();
    loadEarlier(ns);
    const before = snapshot(ns);
    const r = run(["--timeout", "1"]);
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr).toMatch(/no confirmation within 1 s; the previous rules are restored/);
    expect(snapshot(ns)).toBe(before);
    expect(existsSync(stateDir)).toBe(false);
  });

  it("without confirmation leaves a router that had no rules with no tables at all", () => {
    const { ns, run } = setup();
    expect(ns.exec("nft", ["list", "ruleset"])).toBe("");
    const before = snapshot(ns);
    expect(run(["--timeout", "1"]).status).toBe(4);
    expect(ns.exec("nft", ["list", "ruleset"])).toBe("");
    expect(snapshot(ns)).toBe(before);
  });

  it("--nftables without confirmation puts the earlier nftables table back", () => {
    const { ns, run } = setup();
    loadEarlier(ns);
    const before = snapshot(ns);
    expect(run(["--nftables", "--timeout", "1"]).status).toBe(4);
    expect(snapshot(ns)).toBe(before);
  });

  it("apply.sh --confirm from a second session keeps the new rules", async () => {
    const { ns, start, run, waiting, stateDir } = setup();
    loadEarlier(ns);
    const first = start(["--timeout", "30"]);
    await waiting(first);
    const during = snapshot(ns);
    expect(during).toContain("2001:db8::53/128");
    const confirm = run(["--confirm"]);
    expect(confirm.status, confirm.stderr).toBe(0);
    expect(confirm.stderr).toMatch(/confirmed: apply \(pid \d+\) keeps the new rules/);
    expect((await first.done).code).toBe(0);
    expect(snapshot(ns)).toBe(during);
    expect(existsSync(stateDir)).toBe(false);
  });

  it("refuses a second apply while one waits, then the first still rolls back", async () => {
    const { ns, start, run, waiting } = setup();
    const before = snapshot(ns);
    const first = start(["--timeout", "3"]);
    await waiting(first);
    const second = run(["--timeout", "1"]);
    expect(second.status).toBe(3);
    expect(second.stderr).toMatch(/refused: another apply \(pid \d+\) is waiting for confirmation/);
    expect((await first.done).code).toBe(4);
    expect(snapshot(ns)).toBe(before);
    expect(run(["--confirm"]).status).toBe(3);
  });

  it("--keepalived installs keepalived.conf and puts the earlier file back without confirmation", () => {
    const { dir, run } = setup(fixture("manual-nat"));
    const conf = join(dir, "keepalived.conf");
    writeFileSync(conf, "# the operator's earlier file\n");
    expect(run(["--keepalived", "--keepalived-conf", conf, "--timeout", "1"]).status).toBe(4);
    expect(readFileSync(conf, "utf8")).toBe("# the operator's earlier file\n");
    rmSync(conf);
    expect(run(["--keepalived", "--keepalived-conf", conf, "--timeout", "1"]).status).toBe(4);
    expect(existsSync(conf)).toBe(false);
  });

  it("a rule the kernel rejects: exit 1, the earlier rules restored, the lock released", () => {
    const { ns, dir, stateDir } = setup();
    loadEarlier(ns);
    const before = snapshot(ns);
    const broken = renderApply(fixture("protocol-both")).replace("-A LVS-CONSOLE-MARKS -p udp -d 203.0.113.53/32", "-A LVS-CONSOLE-MARKS -p udp -d 203.0.113.53/99");
    writeFileSync(join(dir, "broken.sh"), broken);
    const r = ns.tryExec("bash", [join(dir, "broken.sh"), "--state-dir", stateDir, "--timeout", "5"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/installing the firewall marks failed; the previous rules are restored/);
    expect(snapshot(ns)).toBe(before);
    expect(existsSync(stateDir)).toBe(false);
  });

  it("SIGTERM while waiting rolls back at once", async () => {
    const { ns, start, waiting, stateDir } = setup();
    const before = snapshot(ns);
    const first = start(["--timeout", "60"]);
    await waiting(first);
    process.kill(Number(readFileSync(join(stateDir, "pid"), "utf8")), "SIGTERM");
    const end = await first.done;
    expect(end.code).toBe(4);
    expect(end.stderr).toMatch(/interrupted; the previous rules are restored/);
    expect(snapshot(ns)).toBe(before);
  });

  it.runIf(hasCommand("script"))("accepts yes typed on its terminal", () => {
    const { ns, dir, stateDir } = setup();
    const cmd = `ip netns exec ${ns.name} bash ${join(dir, "apply.sh")} --state-dir ${stateDir} --timeout 20`;
    const r = spawnSync("bash", ["-c", `(sleep 1; echo yes; sleep 2) | script -qec '${cmd}' /dev/null`], { encoding: "utf8" });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/confirmed: the new rules stay/);
    expect(saveMangle(ns)).toContain("2001:db8::53/128");
  });

  it.each([
    [["--timeout", "0"], /--timeout: got '0'; allowed: whole seconds 1-86400/],
    [["--timeout", "1m"], /--timeout: got '1m'/],
    [["--bogus"], /unknown argument --bogus/],
  ])("rejects bad arguments %j with exit 2 and changes nothing", (args, message) => {
    const { ns, run } = setup();
    const before = snapshot(ns);
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(snapshot(ns)).toBe(before);
  });

  it("random documents: an unconfirmed apply over another random document's rules leaves both families and nft as they were", () => {
    const docs = fc.sample(arbitraryDocument(), { numRuns: 8, seed: 20261124 }).map((input) => {
      const r = parseDocument(input);
      if (!r.ok) throw new Error(r.lines.join("\n"));
      return r.doc;
    });
    for (let i = 0; i + 1 < docs.length; i += 2) {
      const earlier = setup(docs[i]!);
      expect(earlier.run(["--timeout", "1"]).status).toBe(4);
      expect(earlier.run(["--nftables", "--timeout", "1"]).status).toBe(4);
      // Load the earlier document with its install script and nftables file, then try the next one unconfirmed.
      const { ns, run, dir } = setup(docs[i + 1]!);
      writeFileSync(join(dir, "earlier.sh"), renderInstallScript(docs[i]!));
      ns.exec("bash", [join(dir, "earlier.sh")]);
      ns.exec("nft", ["-f", "-"], renderNftables(docs[i]!));
      const before = snapshot(ns);
      expect(run(["--timeout", "1"]).status).toBe(4);
      expect(snapshot(ns), JSON.stringify(docs[i + 1]!.firewallMarks)).toBe(before);
      expect(run(["--nftables", "--timeout", "1"]).status).toBe(4);
      expect(snapshot(ns)).toBe(before);
    }
  });
});
