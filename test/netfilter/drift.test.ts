import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { compareRouterState, documentVips } from "@/lib/domain/drift/compare-state";
import { renderCollectState, renderInstallScript, renderNftables } from "@/lib/domain/render";
import { parseDocument, type LvsDocument } from "@/lib/domain/schema";
import { arbitraryDocument } from "../support/arbitrary-document";
import { parseRouterState } from "@/lib/domain/state/parse-state";
import { withScratch } from "../support/artifact-checks";
import { loadFixtures } from "../support/domain-fixtures";
import { createNetns, type Netns } from "../support/netns";
import { requireOrSkip } from "../support/requirements";

const ready = requireOrSkip("drift of a router in a network namespace", {
  root: true,
  tools: ["ip", "bash", "sed", "iptables", "iptables-save", "ip6tables", "ip6tables-save", "nft"],
});

const doc = loadFixtures().find((f) => f.name === "protocol-both")!.doc;

function collectState(ns: Netns, scriptDoc: LvsDocument = doc) {
  const r = withScratch((dir) => {
    writeFileSync(join(dir, "collect-state.sh"), renderCollectState(scriptDoc));
    return ns.tryExec("bash", [join(dir, "collect-state.sh"), "-"]);
  });
  expect(r.status, r.stderr).toBe(0);
  const parsed = parseRouterState(r.stdout);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.state;
}

describe.runIf(ready)("drift of a router in a network namespace", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => { while (cleanups.length) cleanups.pop()?.(); });

  it("a router loaded with an earlier export and changed by hand shows exactly those hand changes", () => {
    const ns = createNetns("lvsd");
    cleanups.push(() => ns.destroy());
    withScratch((dir) => {
      writeFileSync(join(dir, "install.sh"), renderInstallScript(doc));
      ns.exec("bash", [join(dir, "install.sh")]);
    });
    ns.exec("ip", ["addr", "add", "203.0.113.53/32", "dev", "lo"]);
    ns.exec("ip", ["-6", "addr", "add", "2001:db8::53/128", "dev", "lo"]);

    const clean = compareRouterState(collectState(ns), doc);
    expect(clean.findings).toEqual([]);
    // IPVS is not in this kernel: reported as not compared, never as drift.
    expect(clean.notCompared.map((n) => n.what)).toEqual(["IPVS services"]);

    const ipt = (args: string) => ns.exec("iptables", ["-w", "-t", "mangle", ...args.split(" ")]);
    const ip6t = (args: string) => ns.exec("ip6tables", ["-w", "-t", "mangle", ...args.split(" ")]);
    ipt("-D LVS-CONSOLE-MARKS -p udp -d 203.0.113.53/32 --dport 53 -j MARK --set-mark 53");
    ipt("-A LVS-CONSOLE-MARKS -p tcp -d 203.0.113.53/32 --dport 53 -j MARK --set-mark 99");
    ip6t("-A PREROUTING -p tcp -d 2001:db8::53/128 --dport 8080 -j MARK --set-mark 7");
    ns.exec("ip", ["-6", "addr", "del", "2001:db8::53/128", "dev", "lo"]);

    const drift = compareRouterState(collectState(ns), doc);
    expect(drift.findings).toEqual([
      { kind: "different", area: "mark", object: "bundle dns (mark 53)", detail: "tcp 203.0.113.53 port 53: the router sets mark 99, the document says 53" },
      { kind: "missing", area: "mark", object: "bundle dns (mark 53)", detail: "udp 203.0.113.53 port 53: mark 53 is not set on the router" },
      { kind: "extra", area: "mark", object: "tcp 2001:db8::53", detail: "tcp 2001:db8::53 port 8080: the router sets mark 7, which no bundle asks for" },
      { kind: "missing", area: "vip", object: "VIP 2001:db8::53", detail: "not configured on any interface of the router" },
    ]);
  });

  it("random documents loaded by the install script or as nftables read back in sync (marks and VIPs)", () => {
    const docs = fc.sample(arbitraryDocument(), { numRuns: 8, seed: 20261123 }).map((input) => {
      const r = parseDocument(input);
      if (!r.ok) throw new Error(r.lines.join("\n"));
      return r.doc;
    });
    docs.forEach((random, i) => {
      const ns = createNetns("lvsd");
      cleanups.push(() => ns.destroy());
      withScratch((dir) => {
        if (i % 2 === 0) {
          writeFileSync(join(dir, "install.sh"), renderInstallScript(random));
          ns.exec("bash", [join(dir, "install.sh")]);
        } else ns.exec("nft", ["-f", "-"], renderNftables(random));
      });
      for (const vip of documentVips(random)) ns.exec("ip", [vip.includes(":") ? "-6" : "-4", "addr", "add", vip, "dev", "lo"]);
      const report = compareRouterState(collectState(ns, random), random);
      expect(report.findings, `${i % 2 === 0 ? "install script" : "nftables"}: ${JSON.stringify(random.firewallMarks)}`).toEqual([]);
    });
  });
});
