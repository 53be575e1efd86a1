import { sectionText, type RouterState } from "./parse-state";

/** One real server's figures at collection time (absent when that listing was not collected). */
export interface LiveRealServer {
  address: string;
  forward?: string;
  weight?: number;
  activeConnections?: number;
  inactiveConnections?: number;
  connections?: number;
  inPackets?: number;
  outPackets?: number;
  inBytes?: number;
  outBytes?: number;
  connectionsPerSecond?: number;
  inBytesPerSecond?: number;
  outBytesPerSecond?: number;
}

/** One IPVS service as `ipvsadm -Ln` shows it ("FWM 80", "TCP 192.0.2.10:80") with its real servers. */
export interface LiveService {
  service: string;
  scheduler?: string;
  flags?: string;
  connections?: number;
  connectionsPerSecond?: number;
  realServers: LiveRealServer[];
}

/** IPVS at collection time, or why it cannot be shown. */
export type LiveIpvs = { ok: true; services: LiveService[] } | { ok: false; reason: string };

const SERVICE = /^(TCP|UDP|FWM|SCTP)\s+(\S+)\s*(.*)$/;
const REAL = /^\s+->\s+(\S+)\s*(.*)$/;
const UNIT: Record<string, number> = { "": 1, K: 1e3, M: 1e6, G: 1e9, T: 1e12 };

// Without --exact ipvsadm abbreviates large counters (12K, 3M); both forms are read.
function count(text: string | undefined): number | undefined {
  const m = /^(\d+)([KMGT]?)$/.exec(text ?? "");
  return m ? Number(m[1]) * UNIT[m[2]!]! : undefined;
}

interface Row { service: string; rest: string[]; realServers: { address: string; rest: string[] }[] }

function rows(text: string): Row[] {
  const out: Row[] = [];
  for (const line of text.split("\n")) {
    const s = SERVICE.exec(line);
    if (s) {
      out.push({ service: `${s[1]} ${s[2]}`, rest: s[3]!.split(/\s+/).filter(Boolean), realServers: [] });
      continue;
    }
    const r = REAL.exec(line);
    if (r && out.length > 0 && r[1] !== "RemoteAddress:Port") out.at(-1)!.realServers.push({ address: r[1]!, rest: r[2]!.split(/\s+/).filter(Boolean) });
  }
  return out;
}

/** Connections, counters and rates per service and real server from the state's ipvsadm listings. */
export function liveIpvs(state: RouterState): LiveIpvs {
  const listing = sectionText(state, "ipvs-connections");
  if (!listing.ok) return { ok: false, reason: listing.reason };
  const stats = sectionText(state, "ipvs-stats");
  const rates = sectionText(state, "ipvs-rates");
  const find = (list: Row[], service: string) => list.find((r) => r.service === service);
  const statRows = stats.ok ? rows(stats.text) : [];
  const rateRows = rates.ok ? rows(rates.text) : [];
  const services = rows(listing.text).map((row): LiveService => {
    const st = find(statRows, row.service);
    const rt = find(rateRows, row.service);
    return {
      service: row.service,
      ...(row.rest[0] ? { scheduler: row.rest[0] } : {}),
      ...(row.rest.length > 1 ? { flags: row.rest.slice(1).join(" ") } : {}),
      ...defined({ connections: count(st?.rest[0]), connectionsPerSecond: count(rt?.rest[0]) }),
      realServers: row.realServers.map((r) => {
        const s = st?.realServers.find((x) => x.address === r.address)?.rest ?? [];
        const t = rt?.realServers.find((x) => x.address === r.address)?.rest ?? [];
        return {
          address: r.address,
          ...(r.rest[0] ? { forward: r.rest[0] } : {}),
          ...defined({
            weight: count(r.rest[1]), activeConnections: count(r.rest[2]), inactiveConnections: count(r.rest[3]),
            connections: count(s[0]), inPackets: count(s[1]), outPackets: count(s[2]), inBytes: count(s[3]), outBytes: count(s[4]),
            connectionsPerSecond: count(t[0]), inBytesPerSecond: count(t[3]), outBytesPerSecond: count(t[4]),
          }),
        };
      }),
    };
  });
  return { ok: true, services };
}

function defined<T extends Record<string, number | undefined>>(o: T): Partial<Record<keyof T, number>> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<Record<keyof T, number>>;
}

/** The LVS daemons running at collection time ("keepalived 812"), or null when not collected. */
export function liveDaemons(state: RouterState): string[] | null {
  const text = sectionText(state, "daemons");
  return text.ok ? text.text.split("\n").filter(Boolean) : null;
}
