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

  it.each([
    ["text after the end", sample.replace("### end\n", "### end\n\nmore\n"), 'line 15: text after "### end"'],
    ["a malformed section line", sample.replace("### section nft-ruleset: absent (nft not found)", "### section nft-ruleset: gone"),
      'line 9: malformed section line; expected "### section NAME: ok|absent|not-loaded|failed (why)"'],
    ["no host", sample.replace("host: lvs1\n", ""), 'the header has no "host:" line'],
    ["no time", sample.replace("time: 2026-11-22T03:05:11Z\n", ""), 'the header\'s "time:" is missing or not UTC ISO 8601 (got "")'],
    ["a local time", sample.replace("03:05:11Z", "03:05:11+01:00"), 'the header\'s "time:" is missing or not UTC ISO 8601 (got "2026-11-22T03:05:11+01:00")'],
    ["a header line inside a section", sample.replace("### section nft-ruleset: absent", "user: admin\n### section nft-ruleset: absent"),
      'line 9: unexpected text "user: admin"; section lines start with "| " or "! "'],
    ["an output line before any section", sample.replace("user: root\n", "user: root\n| early\n"),
      'line 5: unexpected text "| early"; section lines start with "| " or "! "'],
    ["a long stray line, cut to 60 characters", sample.replace("| COMMIT", "x".repeat(80)), `line 8: unexpected text "${"x".repeat(60)}"; section lines start with "| " or "! "`],
  ])("refuses %s, saying exactly what", (_, text, message) => {
    expect(parseRouterState(text)).toEqual({ ok: false, message });
  });

  it("keeps empty output and error lines, blank lines after the end, CRLF line ends and a file without a final newline", () => {
    const text = [
      STATE_FORMAT_LINE, "host: lvs1", "time: 2026-11-22T03:05:11Z",
      "### section ipvs-rules: ok", "| first", "|", "| ", "| last",
      "### section addresses: failed", "!", "! why",
      "### end", "", "",
    ].join("\r\n");
    const r = parseRouterState(text);
    expect(r).toMatchObject({ ok: true, state: { host: "lvs1", time: "2026-11-22T03:05:11Z" } });
    if (!r.ok) return;
    expect(r.state.user).toBeUndefined();
    expect(r.state.sections["ipvs-rules"]).toEqual({ name: "ipvs-rules", status: "ok", detail: "", lines: ["first", "", "", "last"], errors: [] });
    expect(r.state.sections.addresses).toEqual({ name: "addresses", status: "failed", detail: "", lines: [], errors: ["", "why"] });
    expect(sectionText(r.state, "addresses")).toEqual({ ok: false, reason: "addresses: failed" });
    expect(sectionText(r.state, "ipvs-rules")).toEqual({ ok: true, text: "first\n\n\nlast" });
    expect(parseRouterState(sample.trimEnd())).toMatchObject({ ok: true });
  });
});
