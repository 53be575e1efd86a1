import { describe, expect, it } from "vitest";
import { parseRouterState, sectionText } from "./parse-state";
import { STATE_FORMAT_LINE } from "./sections";

const sample = [
  STATE_FORMAT_LINE,
  "host: lvs1",
  "time: 2026-11-22T03:05:11Z",
  "user: root",
  "### section iptables-mangle: ok",
  "| *mangle",
  "| ### section nft-ruleset: ok",
  "| COMMIT",
  "### section nft-ruleset: absent (nft not found)",
  "### section ipvs-rules: not-loaded (no /proc/net/ip_vs: IPVS is not loaded)",
  "### section addresses: failed (exit 1)",
  "! Cannot open netlink socket",
  "### end",
  "",
].join("\n");

describe("parseRouterState", () => {
  it("reads the header and each section with its status, output and errors", () => {
    const r = parseRouterState(sample);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.host).toBe("lvs1");
    expect(r.state.time).toBe("2026-11-22T03:05:11Z");
    // A body line that looks like a section header stays body: the "| " prefix decides.
    expect(sectionText(r.state, "iptables-mangle")).toEqual({ ok: true, text: "*mangle\n### section nft-ruleset: ok\nCOMMIT" });
    expect(sectionText(r.state, "nft-ruleset")).toEqual({ ok: false, reason: "nft-ruleset: absent (nft not found)" });
    expect(sectionText(r.state, "ipvs-rules")).toMatchObject({ ok: false, reason: expect.stringContaining("not-loaded") });
    expect(r.state.sections.addresses?.errors).toEqual(["Cannot open netlink socket"]);
    expect(sectionText(r.state, "daemons")).toEqual({ ok: false, reason: "the state file has no daemons section" });
  });

  it.each([
    ["another file", "*mangle\nCOMMIT\n", /line 1: not a collect-state file/],
    ["a cut-short file", sample.replace("### end\n", ""), /cut short/],
    ["an unknown section", sample.replace("section daemons", "x").replace("addresses: failed", "routes: failed"), /line 11: unknown section "routes"/],
    ["a stray line", sample.replace("| COMMIT", "COMMIT"), /line 8: unexpected text "COMMIT"/],
    ["a bad time", sample.replace("2026-11-22T03:05:11Z", "yesterday"), /time/],
    ["a repeated section", sample.replace("nft-ruleset: absent", "iptables-mangle: absent"), /line 9: section iptables-mangle appears twice/],
  ])("refuses %s with the line at fault", (_, text, message) => {
    const r = parseRouterState(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
