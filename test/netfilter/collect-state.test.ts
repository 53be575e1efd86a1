import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { renderCollectState, renderInstallScript, renderNftables } from "@/lib/domain/render";
import { parseRouterState, sectionText } from "@/lib/domain/state/parse-state";
import { withScratch } from "../support/artifact-checks";
import { loadFixtures } from "../support/domain-fixtures";
import { createNetns, run, type Netns } from "../support/netns";
import { requireOrSkip } from "../support/requirements";

const ready = requireOrSkip("collect-state in a network namespace", {
  root: true,
  tools: ["ip", "bash", "sed", "iptables-save", "ip6tables-save", "nft"],
});

const doc = loadFixtures().find((f) => f.name === "protocol-both")!.doc;

/** Runs collect-state.sh in the namespace with the given PATH, printing to stdout. */
function collect(ns: Netns, path?: string) {
  return withScratch((dir) => {
    const file = join(dir, "collect-state.sh");
    writeFileSync(file, renderCollectState(doc), { mode: 0o700 });
    const env = path === undefined ? [] : ["env", `PATH=${path}`];
    return ns.tryExec(env.length ? "env" : "bash", env.length ? [`PATH=${path}`, "bash", file, "-"] : [file, "-"]);
  });
}

describe.runIf(ready)("collect-state in a network namespace", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => { while (cleanups.length) cleanups.pop()?.(); });
  const fresh = () => { const ns = createNetns("lvsk"); cleanups.push(() => ns.destroy()); return ns; };

  it("records the loaded mangle rules of both families, the nft table and the addresses, read-only", () => {
    const ns = fresh();
    withScratch((dir) => {
      writeFileSync(join(dir, "install.sh"), renderInstallScript(doc));
      ns.exec("bash", [join(dir, "install.sh")]);
    });
    ns.exec("nft", ["-f", "-"], renderNftables(doc));
    ns.exec("ip", ["addr", "add", "203.0.113.53/32", "dev", "lo"]);
    const before = ns.exec("nft", ["list", "ruleset"]);
    const r = collect(ns);
    expect(r.status, r.stderr).toBe(0);
    const parsed = parseRouterState(r.stdout);
    if (!parsed.ok) throw new Error(parsed.message);
    const { state } = parsed;
    expect(state.host).not.toBe("");
    expect(sectionText(state, "iptables-mangle")).toMatchObject({ ok: true, text: expect.stringContaining("-A LVS-CONSOLE-MARKS -d 203.0.113.53/32 -p udp -m udp --dport 53 -j MARK --set-xmark 0x35/0xffffffff") });
    expect(sectionText(state, "ip6tables-mangle")).toMatchObject({ ok: true, text: expect.stringContaining("2001:db8::53/128") });
    expect(sectionText(state, "nft-ruleset")).toMatchObject({ ok: true, text: expect.stringContaining("table inet lvs_console") });
    expect(sectionText(state, "addresses")).toMatchObject({ ok: true, text: expect.stringContaining("inet 203.0.113.53/32") });
    // IPVS is not in this kernel: every ipvsadm section says so instead of failing.
    for (const name of ["ipvs-rules", "ipvs-connections", "ipvs-stats", "ipvs-rates"] as const) {
      expect(state.sections[name]?.status === "not-loaded" || state.sections[name]?.status === "absent").toBe(true);
    }
    expect(ns.exec("nft", ["list", "ruleset"])).toBe(before);
  });

  it("records absent tools as absent and still exits 0", () => {
    const ns = fresh();
    withScratch((dir) => {
      for (const tool of ["bash", "sed", "cat", "date", "uname", "id", "mktemp", "rm"]) {
        symlinkSync(run("sh", ["-c", `command -v ${tool}`]).trim(), join(dir, tool));
      }
      const r = collect(ns, dir);
      expect(r.status, r.stderr).toBe(0);
      const parsed = parseRouterState(r.stdout);
      if (!parsed.ok) throw new Error(parsed.message);
      expect(parsed.state.sections["iptables-mangle"]).toMatchObject({ status: "absent", detail: "iptables-save not found" });
      expect(parsed.state.sections["nft-ruleset"]).toMatchObject({ status: "absent", detail: "nft not found" });
      expect(parsed.state.sections["ipvs-rules"]).toMatchObject({ status: "absent", detail: "ipvsadm not found" });
      expect(parsed.state.sections.addresses).toMatchObject({ status: "absent", detail: "ip not found" });
      expect(parsed.state.sections.daemons?.status).toBe("ok");
    });
  });

  it("writes a file named after the host and time when given no argument", () => {
    const ns = fresh();
    withScratch((dir) => {
      const file = join(dir, "collect-state.sh");
      writeFileSync(file, renderCollectState(doc));
      const r = ns.tryExec("bash", ["-c", `cd ${dir} && bash ${file} && ls`]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^lvs-state-.+-\d{4}-\d{2}-\d{2}T\d{6}Z\.txt$/m);
      expect(r.stderr).toMatch(/wrote lvs-state-/);
    });
  });
});
