import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { renderIp6tablesRestore, renderIptablesRestore, renderRouterSetup } from "@/lib/domain/render";
import type { LvsDocument } from "@/lib/domain/schema";
import { withScratch } from "../support/artifact-checks";
import { loadFixtures } from "../support/domain-fixtures";
import { createNetns, type Netns } from "../support/netns";
import { requireOrSkip } from "../support/requirements";

const ready = requireOrSkip("router setup script in a network namespace with a staged root", {
  root: true,
  tools: ["ip", "bash", "env", "sysctl", "systemctl"],
});

const fixtures = loadFixtures();
const fixture = (name: string) => fixtures.find((f) => f.name === name)!.doc;
const UNIT = "[Unit]\nDescription=stand-in\n[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n";

// A staged root as a package manager leaves it: unit files, and optionally the files the console exports.
function stageRoot(root: string, units: string[], files: Record<string, string> = {}): void {
  mkdirSync(join(root, "lib/systemd/system"), { recursive: true });
  for (const unit of units) writeFileSync(join(root, "lib/systemd/system", `${unit}.service`), UNIT);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

function runSetup(ns: Netns, root: string, doc: LvsDocument) {
  const file = join(root, "..", "router-setup.sh");
  writeFileSync(file, renderRouterSetup(doc), { mode: 0o700 });
  const r = spawnSync("ip", ["netns", "exec", ns.name, "env", `LVS_CONSOLE_ROOT=${root}`, "bash", file], { encoding: "utf8" });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

// Everything a run can change: the staged tree (modes, contents, link targets) and the namespace's forwarding.
function state(ns: Netns, root: string): string {
  const walk = (dir: string): string[] => readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    const st = lstatSync(path);
    const rel = path.slice(root.length);
    if (st.isSymbolicLink()) return [`${rel} -> ${readlinkSync(path)}`];
    if (st.isDirectory()) return [`${rel}/`, ...walk(path)];
    return [`${rel} ${(st.mode & 0o777).toString(8)}\n${readFileSync(path, "utf8")}`];
  });
  const forwarding = ns.exec("sysctl", ["-n", "net.ipv4.ip_forward", "net.ipv6.conf.all.forwarding"]);
  return [...walk(root), `forwarding ${forwarding}`].join("\n");
}

describe.runIf(ready)("router setup script in a network namespace with a staged root", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => { while (cleanups.length) cleanups.pop()?.(); });
  const fresh = () => { const ns = createNetns("lvsu"); cleanups.push(() => ns.destroy()); return ns; };
  const hostSysctl = () => existsSync("/etc/sysctl.d/90-lvs-console.conf");

  for (const name of ["manual-nat", "protocol-both", "direct-routing"]) {
    it(`${name} (Debian units): the second run changes nothing and warns about nothing`, () => {
      withScratch((dir) => {
        const doc = fixture(name);
        const root = join(dir, "root");
        stageRoot(root, ["keepalived", "netfilter-persistent"], {
          "etc/keepalived/keepalived.conf": "# stand-in\n",
          "etc/iptables/rules.v4": renderIptablesRestore(doc),
          "etc/iptables/rules.v6": renderIp6tablesRestore(doc),
        });
        const ns = fresh();
        const hostBefore = hostSysctl();
        const first = runSetup(ns, root, doc);
        expect(first.status, first.stderr).toBe(0);
        expect(first.stderr).toBe("");
        const once = state(ns, root);
        const second = runSetup(ns, root, doc);
        expect(second.status, second.stderr).toBe(0);
        expect(second.stdout).not.toMatch(/wrote|removed/);
        expect(state(ns, root)).toBe(once);
        expect(hostSysctl()).toBe(hostBefore);
        expect(once).toContain("/etc/systemd/system/multi-user.target.wants/keepalived.service -> /lib/systemd/system/keepalived.service");
        expect(once).toContain("/etc/systemd/system/multi-user.target.wants/netfilter-persistent.service -> ");
        const nat = doc.cluster.network === "nat";
        expect(once.includes("/etc/sysctl.d/90-lvs-console.conf 644")).toBe(nat);
        expect(once).toContain(`forwarding ${nat ? 1 : 0}\n${nat && name === "protocol-both" ? 1 : 0}`);
        expect(once.includes("ip_vs_ftp")).toBe(name === "manual-nat");
      });
    });
  }

  it("RHEL units: enables iptables and ip6tables, and pulse where keepalived is absent", () => {
    withScratch((dir) => {
      const root = join(dir, "root");
      stageRoot(root, ["pulse", "iptables", "ip6tables"], {
        "etc/sysconfig/ha/lvs.cf": "# stand-in\n",
        "etc/sysconfig/iptables": renderIptablesRestore(fixture("protocol-both")),
        "etc/sysconfig/ip6tables": renderIp6tablesRestore(fixture("protocol-both")),
      });
      const r = runSetup(fresh(), root, fixture("protocol-both"));
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(/pulse starts at boot[\s\S]*iptables starts at boot[\s\S]*ip6tables starts at boot/);
      for (const unit of ["pulse", "iptables", "ip6tables"]) {
        expect(lstatSync(join(root, "etc/systemd/system/multi-user.target.wants", `${unit}.service`)).isSymbolicLink()).toBe(true);
      }
    });
  });

  it("says what is missing (daemon, saved-rule service) without failing", () => {
    withScratch((dir) => {
      const root = join(dir, "root");
      stageRoot(root, []);
      const r = runSetup(fresh(), root, fixture("manual-nat"));
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/warning: neither keepalived nor pulse is installed/);
      expect(r.stderr).toMatch(/warning: no saved-rule service found: install iptables-persistent \(Debian\) or iptables-services \(RHEL\)/);
    });
  });

  it.each([
    ["no console chain", "*filter\nCOMMIT\n"],
    ["the marks but not the active-FTP masquerade", renderIptablesRestore(fixture("protocol-both"))],
  ])("warns when the saved rules hold %s", (_, saved) => {
    withScratch((dir) => {
      const root = join(dir, "root");
      stageRoot(root, ["keepalived", "netfilter-persistent"], { "etc/keepalived/keepalived.conf": "# stand-in\n", "etc/iptables/rules.v4": saved });
      const r = runSetup(fresh(), root, fixture("manual-nat"));
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/\/etc\/iptables\/rules\.v4 lacks the console's chains: run netfilter-persistent save after the install script, or merge/);
    });
  });

  it("a NAT router turned direct-routing loses the forwarding drop-in an earlier run wrote", () => {
    withScratch((dir) => {
      const root = join(dir, "root");
      stageRoot(root, ["keepalived"]);
      const ns = fresh();
      expect(runSetup(ns, root, fixture("manual-nat")).status).toBe(0);
      expect(existsSync(join(root, "etc/sysctl.d/90-lvs-console.conf"))).toBe(true);
      const r = runSetup(ns, root, fixture("direct-routing"));
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("removed /etc/sysctl.d/90-lvs-console.conf");
      expect(existsSync(join(root, "etc/sysctl.d/90-lvs-console.conf"))).toBe(false);
      expect(readFileSync(join(root, "etc/modules-load.d/lvs-console.conf"), "utf8")).not.toContain("ip_vs_ftp");
    });
  });
});
