import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { renderApply, renderKeepalivedBackup, renderNftables } from "@/lib/domain/render";
import { ftpMasquerade } from "@/lib/domain/model/ftp-nat";
import { parseDocument, type LvsDocument, type LvsDocumentInput } from "@/lib/domain/schema";
import { createApplyHarness, loadDocument, saveAllTables, snapshotTables as snapshot } from "../support/apply-harness";
import { arbitraryDocument } from "../support/arbitrary-document";
import { loadFixtures } from "../support/domain-fixtures";
import { saveMangle } from "../support/mark-probes";
import type { Netns } from "../support/netns";
import { hasCommand, requireOrSkip } from "../support/requirements";

const ready = requireOrSkip("apply.sh with automatic rollback", {
  root: true,
  tools: ["ip", "bash", "iptables-save", "iptables-restore", "ip6tables-save", "ip6tables-restore", "nft"],
});

const fixture = (name: string) => loadFixtures().find((f) => f.name === name)!.doc;

// A random document turned into a NAT cluster carrying FTP on a VIP and mark of its own; every
// third one has an IPv6 NAT router, and `variant` varies the real-server network.
function withFtpUnderNat(input: LvsDocumentInput, variant: number): LvsDocumentInput {
  const marks = new Set((input.firewallMarks ?? []).map((m) => m.mark));
  let mark = 21;
  while (marks.has(mark)) mark++;
  const v6 = variant % 3 === 2;
  const natRouter = v6 ? { ip: `fd00:${variant}::1`, netmask: 64, device: "eth1:1" } : { ip: `10.${variant}.0.1`, netmask: "255.255.0.0", device: "eth1:1" };
  const ftp = { mark, name: "ftp", vip: v6 ? "2001:db8:ffff::21" : "198.18.250.21", protocol: "tcp" as const, ports: ["21", "10000-20000"] };
  return { ...input, cluster: { ...input.cluster, network: "nat", natRouter }, firewallMarks: [...(input.firewallMarks ?? []), ftp] };
}

function parsed(input: LvsDocumentInput): LvsDocument {
  const r = parseDocument(input);
  if (!r.ok) throw new Error(r.lines.join("\n"));
  return r.doc;
}

/** manual-nat with another real-server network: the same chain, another masquerade rule. */
const otherNat = () => {
  const doc = structuredClone(fixture("manual-nat"));
  doc.cluster.natRouter = { ...doc.cluster.natRouter!, ip: "10.22.0.1", netmask: "255.255.0.0" };
  return doc;
};

describe.runIf(ready)("apply.sh with automatic rollback", () => {
  const harness = createApplyHarness();
  afterEach(harness.cleanUp);
  const setup = (doc: LvsDocument = fixture("protocol-both")) => harness.setup(doc);

  const loadEarlier = (ns: Netns) => {
    loadDocument(ns, fixture("manual-nat"), false);
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

  it.each([
    ["nothing", null],
    ["an export without FTP", "protocol-both"],
    ["an export with FTP under NAT on another network", "other-nat"],
  ])("FTP under NAT over %s: without confirmation every table and nft list ruleset are as before", (_, earlier) => {
    const { ns, run } = setup(fixture("manual-nat"));
    if (earlier !== null) loadDocument(ns, earlier === "other-nat" ? otherNat() : fixture(earlier));
    const before = snapshot(ns);
    expect(run(["--timeout", "1"]).status).toBe(4);
    expect(snapshot(ns)).toBe(before);
    expect(run(["--nftables", "--timeout", "1"]).status).toBe(4);
    expect(snapshot(ns)).toBe(before);
  });

  it("an export without FTP over one with it: the unconfirmed removal puts the nat chain and its jump back", () => {
    const { ns, run } = setup(fixture("protocol-both"));
    loadDocument(ns, fixture("manual-nat"));
    const before = snapshot(ns);
    expect(before).toContain("-A LVS-CONSOLE-FTP -s 10.11.12.0/24 -p tcp -m tcp --sport 20 -j MASQUERADE");
    expect(run(["--timeout", "1"]).status).toBe(4);
    expect(snapshot(ns)).toBe(before);
  });

  it("FTP under NAT confirmed: the nat chain and its POSTROUTING jump stay (and the nftables masquerade with --nftables)", async () => {
    const { ns, start, run, waiting } = setup(fixture("manual-nat"));
    loadDocument(ns, otherNat());
    const first = start(["--timeout", "30"]);
    await waiting(first);
    expect(run(["--confirm"]).status).toBe(0);
    expect((await first.done).code).toBe(0);
    const nat = ns.exec("iptables", ["-t", "nat", "-S"]);
    expect(nat).toContain("-A POSTROUTING -j LVS-CONSOLE-FTP");
    expect(nat).toContain("-A LVS-CONSOLE-FTP -s 10.11.12.0/24 -p tcp -m tcp --sport 20 -j MASQUERADE");
    expect(nat).not.toContain("10.22.0.0/16");
    const second = start(["--nftables", "--timeout", "30"]);
    await waiting(second);
    expect(run(["--confirm"]).status).toBe(0);
    expect((await second.done).code).toBe(0);
    expect(ns.exec("nft", ["list", "table", "inet", "lvs_console"])).toMatch(/ip saddr 10\.11\.12\.0\/24 tcp sport 20 masquerade/);
  });

  it("a hand change elsewhere in the nat table during the wait: the whole saved nat table is restored", async () => {
    const { ns, start, waiting } = setup(fixture("manual-nat"));
    loadDocument(ns, fixture("protocol-both"));
    ns.exec("iptables", ["-t", "nat", "-A", "OUTPUT", "-p", "tcp", "--dport", "2121", "-j", "DNAT", "--to-destination", "10.1.1.1"]);
    const before = saveAllTables(ns);
    const nft = ns.exec("nft", ["list", "table", "inet", "lvs_console"]);
    const first = start(["--timeout", "2"]);
    await waiting(first);
    ns.exec("iptables", ["-t", "nat", "-A", "OUTPUT", "-p", "udp", "--dport", "69", "-j", "RETURN"]);
    const end = await first.done;
    expect(end.code, end.stderr).toBe(4);
    expect(end.stderr).toContain("the iptables nat table changed during the wait; restoring the whole saved table");
    // A whole-table restore brings the rules back; nf_tables then lists every built-in chain and the table last.
    expect(saveAllTables(ns)).toBe(before);
    expect(ns.exec("nft", ["list", "table", "inet", "lvs_console"])).toBe(nft);
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

  it("--keepalived --router backup installs the backup router's file; unconfirmed, the earlier file is back", async () => {
    const doc = fixture("manual-nat");
    const { dir, run, start, waiting } = setup(doc);
    const conf = join(dir, "keepalived.conf");
    writeFileSync(conf, "# the operator's earlier file\n");
    const args = ["--keepalived", "--router", "backup", "--keepalived-conf", conf];
    expect(run([...args, "--timeout", "1"]).status).toBe(4);
    expect(readFileSync(conf, "utf8")).toBe("# the operator's earlier file\n");
    const first = start([...args, "--timeout", "30"]);
    await waiting(first);
    expect(readFileSync(conf, "utf8")).toBe(renderKeepalivedBackup(doc));
    expect(run(["--confirm"]).status).toBe(0);
    expect((await first.done).code).toBe(0);
    expect(readFileSync(conf, "utf8")).toMatch(/router_id edge-1-backup\n[^]*\tstate BACKUP\n/);
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
    [["--router", "backup"], /--router backup: it chooses which keepalived.conf --keepalived installs; add --keepalived/],
    [["--keepalived", "--router", "standby"], /--router: got 'standby'; allowed: primary, backup/],
    [["--keepalived", "--router", "backup"], /--router backup: the document has no backup router \(cluster.backup is not enabled\); allowed: --router primary/],
  ])("rejects bad arguments %j with exit 2 and changes nothing", (args, message) => {
    const { ns, run } = setup();
    const before = snapshot(ns);
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(snapshot(ns)).toBe(before);
  });

  it("random documents, with and without FTP under NAT: an unconfirmed apply over another random document's rules leaves every table and nft as they were", () => {
    const inputs = fc.sample(arbitraryDocument(), { numRuns: 8, seed: 20261124 });
    // Pair p (documents 2p, 2p+1): the earlier one carries FTP under NAT when p & 1, the later one when p & 2.
    const ftp = (i: number) => (Math.floor(i / 2) & (i % 2 === 0 ? 1 : 2)) !== 0;
    const docs = inputs.map((input, i) => parsed(ftp(i) ? withFtpUnderNat(input, i) : input));
    expect(docs.map((d) => ftpMasquerade(d)?.family ?? 0)).toEqual([0, 0, 6, 0, 0, 6, 4, 4]);
    for (let i = 0; i + 1 < docs.length; i += 2) {
      const earlier = setup(docs[i]!);
      expect(earlier.run(["--timeout", "1"]).status).toBe(4);
      expect(earlier.run(["--nftables", "--timeout", "1"]).status).toBe(4);
      expect(snapshot(earlier.ns)).toBe("\n\n");
      // Load the earlier document with its install script and nftables file, then try the next one unconfirmed.
      const { ns, run } = setup(docs[i + 1]!);
      loadDocument(ns, docs[i]!);
      const before = snapshot(ns);
      expect(run(["--timeout", "1"]).status).toBe(4);
      expect(snapshot(ns), JSON.stringify(docs[i + 1]!.firewallMarks)).toBe(before);
      expect(run(["--nftables", "--timeout", "1"]).status).toBe(4);
      expect(snapshot(ns)).toBe(before);
    }
  });
});
