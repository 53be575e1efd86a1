import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { liveDaemons, liveIpvs } from "./live-view";
import { parseRouterState } from "./parse-state";
import { routerAddresses } from "./router-addresses";

const text = readFileSync(join(__dirname, "../../../test/fixtures/state/manual-nat-drifted.txt"), "utf8");
const state = () => {
  const r = parseRouterState(text);
  if (!r.ok) throw new Error(r.message);
  return r.state;
};

describe("live view of a collected state", () => {
  it("joins connections, counters and rates per service and real server", () => {
    const live = liveIpvs(state());
    if (!live.ok) throw new Error(live.reason);
    expect(live.services.map((s) => s.service)).toEqual(["FWM 80", "FWM 21", "TCP 203.0.113.12:25"]);
    expect(live.services[0]).toMatchObject({ scheduler: "wlc", flags: "persistent 300", connections: 1200, connectionsPerSecond: 4 });
    expect(live.services[0]!.realServers[0]).toEqual({
      address: "10.11.12.2:0", forward: "Masq", weight: 1, activeConnections: 12, inactiveConnections: 30,
      connections: 800, inPackets: 35000, outPackets: 0, inBytes: 3200000, outBytes: 0, connectionsPerSecond: 3, inBytesPerSecond: 8000, outBytesPerSecond: 0,
    });
  });

  it("says why IPVS cannot be shown, reads abbreviated counters, daemons and addresses", () => {
    const r = parseRouterState(text.replace("### section ipvs-connections: ok", "### section ipvs-connections: not-loaded (no /proc/net/ip_vs: IPVS is not loaded)")
      .replace(/(### section ipvs-connections: not-loaded.*\n)(\|.*\n)+/, "$1"));
    if (!r.ok) throw new Error(r.message);
    expect(liveIpvs(r.state)).toEqual({ ok: false, reason: "ipvs-connections: not-loaded (no /proc/net/ip_vs: IPVS is not loaded)" });
    const k = parseRouterState(text.replace("1200    52000", "1K    52M"));
    if (!k.ok) throw new Error(k.message);
    const live = liveIpvs(k.state);
    expect(live.ok && live.services[0]!.connections).toBe(1000);
    expect(liveDaemons(state())).toEqual(["keepalived 812", "keepalived 813"]);
    expect(routerAddresses(state())?.map((a) => a.address)).toEqual(["127.0.0.1", "203.0.113.2", "203.0.113.10", "10.11.12.10"]);
  });
});
