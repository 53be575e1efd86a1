import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { liveDaemons, liveIpvs } from "./live-view";
import { parseRouterState } from "./parse-state";
import { STATE_FORMAT_LINE } from "./sections";
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

  it("reads listings it was not given as a fixture: headers skipped, counters joined by service and address, missing ones left out", () => {
    const section = (name: string, lines: string[]) => [`### section ${name}: ok`, ...lines.map((l) => `| ${l}`)];
    const built = parseRouterState([
      STATE_FORMAT_LINE, "host: lvs2", "time: 2026-11-22T03:05:11Z",
      ...section("ipvs-connections", [
        "IP Virtual Server version 1.2.1 (size=4096)",
        "  -> 10.9.9.9:80                 Route   1      0          0",
        "Prot LocalAddress:Port Scheduler Flags",
        "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn",
        "TCP  192.0.2.10:80 rr",
        "  -> 10.0.0.1:80                  Route   1      2          3",
        "  -> 10.0.0.9:80                  Route   0      0          7",
        "UDP  192.0.2.10:53 wlc persistent 60",
        "  -> 10.0.0.2:53                  Masq    12K    3M         x1",
      ]),
      ...section("ipvs-stats", [
        "Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes",
        "  -> RemoteAddress:Port",
        "TCP  192.0.2.10:80                      10      100        0     5000        0",
        "  -> 10.0.0.1:80                         7       70        0     3000        0",
      ]),
      "### section ipvs-rates: failed (exit 2)",
      "### section daemons: ok", "| keepalived 812", "|", "| pulse 90",
      "### end", "",
    ].join("\n"));
    if (!built.ok) throw new Error(built.message);
    expect(liveIpvs(built.state)).toEqual({
      ok: true,
      services: [
        {
          service: "TCP 192.0.2.10:80", scheduler: "rr", connections: 10,
          realServers: [
            { address: "10.0.0.1:80", forward: "Route", weight: 1, activeConnections: 2, inactiveConnections: 3, connections: 7, inPackets: 70, outPackets: 0, inBytes: 3000, outBytes: 0 },
            { address: "10.0.0.9:80", forward: "Route", weight: 0, activeConnections: 0, inactiveConnections: 7 },
          ],
        },
        {
          service: "UDP 192.0.2.10:53", scheduler: "wlc", flags: "persistent 60",
          realServers: [{ address: "10.0.0.2:53", forward: "Masq", weight: 12000, activeConnections: 3000000 }],
        },
      ],
    });
    expect(liveDaemons(built.state)).toEqual(["keepalived 812", "pulse 90"]);
    const noDaemons = parseRouterState([STATE_FORMAT_LINE, "host: h", "time: 2026-11-22T03:05:11Z", "### end"].join("\n"));
    if (!noDaemons.ok) throw new Error(noDaemons.message);
    expect(liveDaemons(noDaemons.state)).toBeNull();
    expect(liveIpvs(noDaemons.state)).toEqual({ ok: false, reason: "the state file has no ipvs-connections section" });
  });
});
