import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseIptablesSave, parseNftRuleset } from "@/lib/domain/import";
import { renderIp6tablesRestore, renderIptablesRestore, renderNftables } from "@/lib/domain/render";
import { addKeepalivedInterfaces, checkKeepalived, checkNft, checkRestore, withScratch } from "../support/artifact-checks";
import { loadFixtures } from "../support/domain-fixtures";
import { createNetns, type Netns } from "../support/netns";
import { requireOrSkip } from "../support/requirements";

const ready = requireOrSkip("import sources against the real tools", { root: true, tools: ["ip", "iptables-restore", "iptables-save", "ip6tables-restore", "ip6tables-save", "nft", "keepalived"] });
const FIX = join(process.cwd(), "test/fixtures/import");
const read = (path: string) => readFileSync(join(FIX, path), "utf8");
const marks = (r: { rules: { family: number; vip: string; protocol: string; ranges: unknown; mark: number }[] }) =>
  r.rules.map(({ family, vip, protocol, ranges, mark }) => ({ family, vip, protocol, ranges, mark }));

describe.runIf(ready)("import sources against the real tools", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => { while (cleanups.length) cleanups.pop()?.(); });
  const netns = (): Netns => {
    const ns = createNetns("lvsi");
    cleanups.push(() => ns.destroy());
    return ns;
  };

  it("the hand-written golden inputs are what the tools accept (iptables-restore --test, nft -c, keepalived -t)", () => {
    const ns = netns();
    expect(checkRestore(ns, "iptables-restore", read("keepalived-iptables/iptables-save.txt"))).toEqual([]);
    expect(checkRestore(ns, "iptables-restore", read("ipvsadm-script/iptables-save.txt"))).toEqual([]);
    expect(checkRestore(ns, "ip6tables-restore", read("ipvsadm-script/ip6tables-save.txt"))).toEqual([]);
    addKeepalivedInterfaces(ns);
    withScratch((dir) => {
      expect(checkNft(ns, dir, read("keepalived-nft/ruleset.nft"))).toEqual([]);
      expect(checkKeepalived(ns, dir, read("keepalived-nft/keepalived.conf").replace(/\n\s*track_script \{\n\s*chk_haproxy\n\s*\}/, ""))).toEqual([]);
    });
  });

  // What the kernel prints back is what D's drift report reads: the same marks as the file that was loaded.
  for (const f of loadFixtures().filter((x) => x.doc.firewallMarks.length > 0)) {
    it(`${f.name}: iptables-save and nft list ruleset of the loaded rules import to the same marks as the rendered files`, () => {
      const ns = netns();
      for (const [render, restore, save] of [[renderIptablesRestore, "iptables-restore", "iptables-save"], [renderIp6tablesRestore, "ip6tables-restore", "ip6tables-save"]] as const) {
        const text = render(f.doc);
        ns.exec(restore, [], text);
        expect(marks(parseIptablesSave(ns.exec(save, ["-t", "mangle"]), save)), save).toEqual(marks(parseIptablesSave(text, "rendered")));
      }
      ns.exec("iptables", ["-t", "mangle", "-F"]);
      ns.exec("iptables", ["-t", "mangle", "-X"]);
      ns.exec("ip6tables", ["-t", "mangle", "-F"]);
      ns.exec("ip6tables", ["-t", "mangle", "-X"]);
      ns.exec("nft", ["flush", "ruleset"]);
      const nft = renderNftables(f.doc);
      withScratch((dir) => {
        const file = join(dir, "r.nft");
        writeFileSync(file, nft);
        ns.exec("nft", ["-f", file]);
      });
      const listed = parseNftRuleset(ns.exec("nft", ["list", "ruleset"]), "listed");
      expect(listed.messages.filter((m) => m.severity !== "note")).toEqual([]);
      const key = (r: { family: number; vip: string; protocol: string; mark: number; ranges: { lo: number; hi: number }[] }) => r.ranges.map((x) => `${r.family}/${r.vip}/${r.protocol}/${x.lo}-${x.hi}=${r.mark}`);
      expect(listed.rules.flatMap(key).sort()).toEqual(parseNftRuleset(nft, "rendered").rules.flatMap(key).sort());
    });
  }
});
