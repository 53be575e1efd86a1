import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { renderInstallScript, renderIp6tablesRestore, renderIptablesRestore } from "@/lib/domain/render";
import { loadFixtures } from "../support/domain-fixtures";
import { withScratch } from "../support/artifact-checks";
import { armProbes, probeCounts, probesFor, saveMangle, saveTables, sendProbes } from "../support/mark-probes";
import { createLink, createNetns, type Netns } from "../support/netns";
import { requireOrSkip } from "../support/requirements";

const ready = requireOrSkip("install script in a network namespace", {
  root: true,
  tools: ["ip", "bash", "timeout", "iptables", "iptables-restore", "iptables-save", "ip6tables", "ip6tables-restore", "ip6tables-save"],
});

const fixtures = loadFixtures();
const fixture = (name: string) => fixtures.find((f) => f.name === name)!.doc;

// `wrappers` are scripts put first on the script's PATH (name → body), to fail a tool on purpose.
function runScript(ns: Netns, text: string, wrappers: Record<string, string> = {}) {
  return withScratch((dir) => {
    const file = join(dir, "install-marks.sh");
    writeFileSync(file, text, { mode: 0o700 });
    for (const [name, body] of Object.entries(wrappers)) writeFileSync(join(dir, name), body, { mode: 0o755 });
    const path = `${dir}:${process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin"}`;
    const r = spawnSync("ip", ["netns", "exec", ns.name, "env", `PATH=${path}`, "bash", file], { encoding: "utf8" });
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  });
}

const realTool = (name: string) => spawnSync("bash", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();

// An ip6tables-restore that passes --test but fails the real call, after
// applying (a partial commit) or without applying anything.
function failingApply(appliesFirst: boolean): Record<string, string> {
  const real = realTool("ip6tables-restore");
  return {
    "ip6tables-restore": [
      "#!/bin/bash",
      `for a in "$@"; do [[ $a == --test ]] && exec ${real} "$@"; done`,
      appliesFirst ? `${real} "$@" || exit 1` : "cat >/dev/null",
      "echo 'simulated failure at apply' >&2",
      "exit 1",
      "",
    ].join("\n"),
  };
}

describe.runIf(ready)("install script in a network namespace", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => { while (cleanups.length) cleanups.pop()?.(); });
  const fresh = () => { const ns = createNetns("lvsi"); cleanups.push(() => ns.destroy()); return ns; };

  for (const f of fixtures.filter((x) => x.doc.firewallMarks.length > 0)) {
    it(`${f.name}: marks probe packets for every bundle as intended`, () => {
      const link = createLink();
      cleanups.push(() => link.destroy());
      const install = runScript(link.router, renderInstallScript(f.doc));
      expect(install.status, install.stderr).toBe(0);
      const probes = probesFor(f.doc);
      armProbes(link.router, probes);
      sendProbes(link.client, probes);
      const counts = probeCounts(link.router, probes);
      const missed = probes.filter((_, i) => !(counts[i]! >= 1));
      expect(missed).toEqual([]);
    });
  }

  for (const f of fixtures) {
    it(`${f.name}: a second run leaves identical iptables-save output (mangle and nat), equal to the persistent files`, () => {
      const ns = fresh();
      expect(runScript(ns, renderInstallScript(f.doc)).status).toBe(0);
      const first = saveTables(ns);
      expect(runScript(ns, renderInstallScript(f.doc)).status).toBe(0);
      expect(saveTables(ns)).toBe(first);
      const persistent = fresh();
      persistent.exec("iptables-restore", [], renderIptablesRestore(f.doc));
      // An IPv4-only router has no reason to load the (empty) ip6tables file.
      if (f.doc.firewallMarks.some((b) => b.vip.includes(":"))) persistent.exec("ip6tables-restore", [], renderIp6tablesRestore(f.doc));
      expect(saveTables(persistent)).toBe(first);
    });
  }

  it("manual-nat: active FTP's masquerade sits in its own nat chain, jumped to from POSTROUTING", () => {
    const ns = fresh();
    expect(runScript(ns, renderInstallScript(fixture("manual-nat"))).status).toBe(0);
    const nat = ns.exec("iptables", ["-t", "nat", "-S"]);
    expect(nat).toContain("-A POSTROUTING -j LVS-CONSOLE-FTP");
    expect(nat).toContain("-A LVS-CONSOLE-FTP -s 10.11.12.0/24 -p tcp -m tcp --sport 20 -j MASQUERADE");
  });

  it("replacing an FTP-under-NAT cluster by one without FTP leaves no stale masquerade", () => {
    const ns = fresh();
    expect(runScript(ns, renderInstallScript(fixture("manual-nat"))).status).toBe(0);
    expect(runScript(ns, renderInstallScript(fixture("protocol-both"))).status).toBe(0);
    expect(ns.exec("iptables", ["-t", "nat", "-S", "LVS-CONSOLE-FTP"]).trim()).toBe("-N LVS-CONSOLE-FTP");
  });

  it.each([
    ["fails without applying", false],
    ["applies, then reports failure", true],
  ])("ip6tables-restore that passes --test but %s at apply leaves both families exactly as before", (_, appliesFirst) => {
    const ns = fresh();
    expect(runScript(ns, renderInstallScript(fixture("manual-nat"))).status).toBe(0);
    const before = saveTables(ns);
    const r = runScript(ns, renderInstallScript(fixture("protocol-both")), failingApply(appliesFirst));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/lvs-console install: ip6tables-restore failed to apply the rules; both families were put back, nothing was changed/);
    expect(saveTables(ns)).toBe(before);
    // The same run without the fault goes through, so the fault alone stopped it.
    expect(runScript(ns, renderInstallScript(fixture("protocol-both"))).status).toBe(0);
    expect(saveTables(ns)).not.toBe(before);
  });

  it("replacing one cluster's marks by another's leaves no stale rule in either family", () => {
    const ns = fresh();
    expect(runScript(ns, renderInstallScript(fixture("protocol-both"))).status).toBe(0);
    expect(runScript(ns, renderInstallScript(fixture("manual-nat"))).status).toBe(0);
    const direct = fresh();
    expect(runScript(direct, renderInstallScript(fixture("manual-nat"))).status).toBe(0);
    const markRules = (n: Netns) => saveMangle(n).split("\n").filter((l) => l.startsWith("-A LVS-CONSOLE-MARKS"));
    expect(markRules(ns).filter((l) => l.includes("2001:db8"))).toEqual([]);
    expect(markRules(ns)).toEqual(markRules(direct));
    expect(markRules(ns)).toHaveLength(2);
  });

  it.each([
    ["a broken last IPv4 rule", "many-ports", (s: string) => replaceNth(s, "--set-mark 5000", "--set-mark bogus", 2)],
    ["a broken IPv6 rule after valid IPv4 rules", "protocol-both", (s: string) => s.replace("-d 2001:db8::53/128", "-d 2001:db8::53/999")],
    ["an unknown match in the first rule", "ipv6", (s: string) => s.replace("-m multiport", "-m no-such-match")],
    ["a broken masquerade after valid mark rules", "manual-nat", (s: string) => s.replace("--sport 20 -j MASQUERADE", "--sport 99999 -j MASQUERADE")],
  ])("a run that fails on %s leaves the earlier rules untouched", (_, name, breakScript) => {
    const ns = fresh();
    expect(runScript(ns, renderInstallScript(fixture(name === "manual-nat" ? "protocol-both" : "manual-nat"))).status).toBe(0);
    const before = saveTables(ns);
    const broken = breakScript(renderInstallScript(fixture(name)));
    expect(broken).not.toBe(renderInstallScript(fixture(name)));
    const r = runScript(ns, broken);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/lvs-console install: .*nothing was changed/);
    expect(saveTables(ns)).toBe(before);
  });
});

function replaceNth(text: string, find: string, replacement: string, n: number): string {
  let at = -1;
  for (let i = 0; i < n; i++) at = text.indexOf(find, at + 1);
  return at < 0 ? text : text.slice(0, at) + replacement + text.slice(at + find.length);
}
