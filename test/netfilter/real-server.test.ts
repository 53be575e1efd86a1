import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { renderRealServer } from "@/lib/domain/render";
import { withScratch } from "../support/artifact-checks";
import { loadFixtures } from "../support/domain-fixtures";
import { createNetns, type Netns } from "../support/netns";
import { requireOrSkip } from "../support/requirements";

const ready = requireOrSkip("real-server script in a network namespace", { root: true, tools: ["ip", "bash", "sysctl"] });

const fixture = (name: string) => loadFixtures().find((f) => f.name === name)!.doc;

function runScript(ns: Netns, text: string, arg: string) {
  return withScratch((dir) => {
    const file = join(dir, "real-server.sh");
    writeFileSync(file, text, { mode: 0o700 });
    return ns.tryExec("bash", [file, arg]);
  });
}

const loAddresses = (ns: Netns) => ns.exec("ip", ["-o", "addr", "show", "dev", "lo"]).match(/inet6? \S+/g)?.sort() ?? [];

describe.runIf(ready)("real-server script in a network namespace", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => { while (cleanups.length) cleanups.pop()?.(); });
  const fresh = () => { const ns = createNetns("lvsr"); cleanups.push(() => ns.destroy()); return ns; };
  const script = renderRealServer(fixture("router-pair"));

  it("a host listed under two names in two services accepts both VIPs, by address or by either name, twice = once", () => {
    for (const arg of ["198.51.100.21", "server-01", "sip-01"]) {
      const ns = fresh();
      const first = runScript(ns, script, arg);
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).toContain("ready for VIPs 198.51.100.10 198.51.100.11");
      const once = loAddresses(ns);
      expect(once).toEqual(expect.arrayContaining(["inet 198.51.100.10/32", "inet 198.51.100.11/32"]));
      expect(runScript(ns, script, arg).status).toBe(0);
      expect(loAddresses(ns)).toEqual(once);
      expect(ns.exec("sysctl", ["-n", "net.ipv4.conf.all.arp_ignore"]).trim()).toBe("1");
    }
  });

  it("refuses a name used with two addresses and an unknown host, changing nothing", () => {
    const ns = fresh();
    const before = loAddresses(ns);
    const ambiguous = runScript(ns, renderRealServer(fixture("ipv6")), "w1");
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toContain("real-server name w1 is used by 2001:db8:1::11, 192.0.2.11; run once with each address");
    expect(runScript(ns, script, "192.0.2.250").status).toBe(1);
    expect(loAddresses(ns)).toEqual(before);
  });
});
