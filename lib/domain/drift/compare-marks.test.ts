import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/test/support/domain-fixtures";
import { parseRouterState } from "../state/parse-state";
import { routerMarkRules } from "./compare-marks";
import { compareRouterState } from "./compare-state";

// The mark half of the drift report, in-process: which router sections are
// read for each family, and how a difference is worded. (The netfilter tests
// run the same comparison against a real kernel.)

const STATE = readFileSync(join(__dirname, "../../../test/fixtures/state/manual-nat-drifted.txt"), "utf8");
const manualNat = loadFixtures().find((f) => f.name === "manual-nat")!.doc;
const state = (text: string) => {
  const r = parseRouterState(text);
  if (!r.ok) throw new Error(r.message);
  return r.state;
};
const markFindings = (text: string) => compareRouterState(state(text), manualNat).findings.filter((f) => f.area === "mark");

describe("compareMarks", () => {
  it("is quiet when the router marks what the bundles ask for", () => {
    expect(markFindings(STATE)).toEqual([]);
  });

  it("words a missing port, an extra rule and a different mark, each with its object", () => {
    const drifted = STATE
      .replace("--dports 80,443 -j MARK --set-xmark 0x50", "--dports 80 -j MARK --set-xmark 0x50")
      .replace("--dports 21,10000:20000 -j MARK --set-xmark 0x15", "--dports 21,10000:20000 -j MARK --set-xmark 0x16")
      .replace("| COMMIT", "| -A LVS-CONSOLE-MARKS -d 203.0.113.10/32 -p udp --dport 53 -j MARK --set-xmark 0x9/0xffffffff\n| COMMIT");
    expect(markFindings(drifted)).toEqual([
      { kind: "missing", area: "mark", object: "bundle web (mark 80)", detail: "tcp 203.0.113.10 port 443: mark 80 is not set on the router" },
      { kind: "extra", area: "mark", object: "udp 203.0.113.10", detail: "udp 203.0.113.10 port 53: the router sets mark 9, which no bundle asks for" },
      { kind: "different", area: "mark", object: "bundle ftp (mark 21)", detail: "tcp 203.0.113.11 ports 21,10000-20000: the router sets mark 22, the document says 21" },
    ]);
  });
});

describe("routerMarkRules", () => {
  it("reads IPv4 from iptables-save and leaves IPv6 uncompared when neither ip6tables-save nor nft was there", () => {
    const r = routerMarkRules(state(STATE));
    expect([...r.rules.keys()]).toEqual([4]);
    expect(r.rules.get(4)!.map((x) => x.mark)).toEqual([80, 21]);
    expect(r.notCompared).toEqual([{ what: "IPv6 marks", reason: "neither ip6tables-save nor nft is installed on the router" }]);
  });

  it("names a failed collection as the reason a family is not compared", () => {
    const r = routerMarkRules(state(STATE.replace("### section ip6tables-mangle: absent (ip6tables-save not found)", "### section ip6tables-mangle: failed (exit 1)")));
    expect(r.notCompared).toEqual([{ what: "IPv6 marks", reason: "ip6tables-mangle: failed (exit 1)" }]);
    expect(r.rules.has(4)).toBe(true);
  });

  it("names an unreadable listing with the parser's message and compares nothing of that family", () => {
    const r = routerMarkRules(state(STATE.replace("| *mangle", "| *mangle\n| -A PREROUTING -p tcp --dport")));
    expect(r.notCompared[0]).toMatchObject({ what: "IPv4 marks", reason: expect.stringMatching(/^iptables-mangle could not be read: iptables-save:\d+:\d+: error: /) });
    expect(r.rules.has(4)).toBe(false);
  });

  it("keeps the notes of what a listing holds that marks nothing for IPVS, once each", () => {
    const r = routerMarkRules(state(STATE.replace("| -A PREROUTING -j LVS-CONSOLE-MARKS", "| -A PREROUTING -j LVS-CONSOLE-MARKS --bogus")));
    expect(r.notes).toEqual([
      "iptables-save:9: warning: rule not imported: --bogus cannot be expressed by a firewall-mark bundle",
      "iptables-save:10: warning: mark rule in chain LVS-CONSOLE-MARKS not imported: only PREROUTING and the chains it jumps to mark packets for IPVS",
      "iptables-save:11: warning: mark rule in chain LVS-CONSOLE-MARKS not imported: only PREROUTING and the chains it jumps to mark packets for IPVS",
    ]);
    expect(r.rules.get(4)).toEqual([]);
  });

  it("with the nf_tables backend, reads iptables' own table once (from iptables-save, not again from nft) and compares IPv6 through nft", () => {
    const text = STATE.replace("v1.8.9 (legacy)", "v1.8.9 (nf_tables)").replace("### section nft-ruleset: absent (nft not found)", [
      "### section nft-ruleset: ok",
      "| table ip mangle {",
      "| \tchain PREROUTING {",
      "| \t\ttype filter hook prerouting priority mangle; policy accept;",
      "| \t\tip daddr 203.0.113.10 tcp dport 8080 meta mark set 0x00000007",
      "| \t}",
      "| }",
    ].join("\n"));
    const r = routerMarkRules(state(text));
    expect(r.rules.get(4)!.map((x) => x.mark)).toEqual([80, 21]);
    expect(r.rules.get(6)).toEqual([]);
    expect(r.notCompared).toEqual([]);
    // With the legacy backend the same nft table is nft's own: its rule counts.
    const legacy = routerMarkRules(state(text.replace("v1.8.9 (nf_tables)", "v1.8.9 (legacy)")));
    expect(legacy.rules.get(4)!.map((x) => x.mark)).toEqual([80, 21, 7]);
  });
});
