import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireOrSkip } from "../support/requirements";
import { createNetns, type Netns } from "../support/netns";

const ready = requireOrSkip("netfilter harness", { root: true, tools: ["ip", "iptables-restore", "iptables-save"] });

describe.runIf(ready)("netfilter harness", () => {
  let ns: Netns;
  beforeAll(() => { ns = createNetns(); });
  afterAll(() => ns?.destroy());

  it("loads an iptables-restore file into a throwaway namespace and reads it back", () => {
    const rules = [
      "*mangle",
      ":PREROUTING ACCEPT [0:0]",
      "-A PREROUTING -d 192.0.2.10/32 -p tcp -m multiport --dports 80,443 -j MARK --set-xmark 0x50/0xffffffff",
      "COMMIT",
      "",
    ].join("\n");
    ns.exec("iptables-restore", [], rules);
    const saved = ns.exec("iptables-save", ["-t", "mangle"]);
    expect(saved).toContain("-A PREROUTING -d 192.0.2.10/32 -p tcp -m multiport --dports 80,443 -j MARK --set-xmark 0x50/0xffffffff");
  });
});
