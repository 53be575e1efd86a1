import { parseAddress } from "../model/address";
import { LOAD_MONITORS, LVS_CF_SCHEDULERS, type Scheduler } from "../schema/enums";
import type { VirtualServerInput } from "../schema/virtual-server";
import { MAX_MARK } from "./mark-rules";
import { checkReadable, MessageLog } from "./messages";
import type { ClusterFacts, ImportedRealServer, ImportedService, ServicesResult } from "./services";
import { logicalLines, splitWords } from "./words";

interface Line { n: number; key: string; args: string[]; column: number }

const NETWORKS = ["nat", "direct", "tunnel"] as const;
const IGNORED_GLOBALS = new Set(["service", "heartbeat", "debug_level", "rsh_command", "ipvsadm", "sync", "hard_shutdown"]);

// pulse/nanny read `keyword = value` lines, `virtual NAME {` / `failover NAME {`
// blocks and `server NAME {` inside a virtual block; `#` starts a comment.
/** Reads Piranha's lvs.cf: global settings, virtual servers and their real servers (IPv4 only, as pulse). */
export function parseLvsCf(text: string, file: string): ServicesResult {
  const log = new MessageLog(file);
  const cluster: ClusterFacts = {};
  const fail = (): ServicesResult => ({ services: [], cluster: {}, messages: log.messages });
  if (!checkReadable(text, log)) return fail();
  const lines: Line[] = [];
  for (const { line, text: raw } of logicalLines(text)) {
    const split = splitWords(raw, "#", true);
    if (!split.ok) {
      log.error(line, split.column, split.message);
      return fail();
    }
    // `key = value`, `key=value` and `key =value` all mean the same to pulse.
    const first = split.words[0];
    const eq = first?.text.indexOf("=") ?? -1;
    const spread = first && eq > 0 ? [{ text: first.text.slice(0, eq), column: first.column }, ...(eq + 1 < first.text.length ? [{ text: first.text.slice(eq + 1), column: first.column + eq + 1 }] : []), ...split.words.slice(1)] : split.words;
    const words = spread.filter((w, i) => !(i === 1 && w.text === "=")).map((w, i) => (i === 1 && w.text.startsWith("=") && w.text.length > 1 ? { ...w, text: w.text.slice(1) } : w));
    if (words.length > 0) lines.push({ n: line, key: words[0]?.text ?? "", args: words.slice(1).map((w) => w.text), column: words[0]?.column ?? 1 });
  }
  const services: ImportedService[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    if (l.key === "virtual" || l.key === "failover") {
      const end = blockEnd(lines, i, log);
      if (end < 0) return fail();
      if (l.key === "failover") log.warn(l.n, `failover ${l.args[0] ?? ""} not imported: failover services (service = fos) are not carried`);
      else {
        const s = readVirtual(l, lines.slice(i + 1, end), log);
        if (!s) return fail();
        const clash = services.find((x) => x.name === s.name);
        if (clash) {
          log.error(l.n, l.column, `virtual ${s.name} is defined twice (first on line ${clash.line}); allowed: unique virtual server names`);
          return fail();
        }
        services.push(s);
      }
      i = end;
    } else if (l.key === "}") {
      log.error(l.n, l.column, "} closes no block; allowed: balanced { }");
      return fail();
    } else if (!readGlobal(l, cluster, log)) return fail();
  }
  return { services, cluster, messages: log.messages };
}

function blockEnd(lines: Line[], start: number, log: MessageLog): number {
  const open = lines[start] as Line;
  if (open.args.at(-1) !== "{") {
    log.error(open.n, open.column, `${open.key} ${open.args[0] ?? ""} must open a block; allowed: ${open.key} NAME {`);
    return -1;
  }
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    const l = lines[i] as Line;
    if (l.args.at(-1) === "{") depth++;
    if (l.key === "}") depth--;
    if (depth === 0) return i;
  }
  log.error(open.n, open.column, `the { of ${open.key} ${open.args[0] ?? ""} is never closed; allowed: balanced { }`);
  return -1;
}

function ipv4(l: Line, log: MessageLog, value = l.args[0]): string | null {
  const a = parseAddress(value ?? "");
  if (a?.family === 4) return a.canonical;
  log.error(l.n, l.column, `${l.key} ${value ?? ""}: ${a ? "IPv6 is not supported by Piranha's lvs.cf" : "not an IPv4 address"}; allowed: an IPv4 address`);
  return null;
}

function num(l: Line, log: MessageLog, lo = 0, hi = 2147483647): number | null {
  const v = l.args[0] ?? "";
  const n = /^\d+$/.test(v) ? Number(v) : Number.NaN;
  if (n >= lo && n <= hi) return n;
  log.error(l.n, l.column, `${l.key} ${JSON.stringify(v)}; allowed: an integer ${lo}-${hi}`);
  return null;
}

function flag(l: Line): boolean {
  return l.args[0] === "1";
}

// A 0.0.0.0 mask is how Piranha's GUI writes "not given".
function mask(value: string | undefined): string | undefined {
  return value === undefined || value === "0.0.0.0" ? undefined : value;
}

function readGlobal(l: Line, c: ClusterFacts, log: MessageLog): boolean {
  const v = l.args[0];
  switch (l.key) {
    case "serial_no": { const n = num(l, log); if (n === null) return false; c.serialNo = n; return true; }
    case "primary": { const a = ipv4(l, log); if (!a) return false; c.primary = { ...c.primary, publicIp: a }; return true; }
    case "primary_private": { const a = ipv4(l, log); if (!a) return false; c.primary = { ...c.primary, privateIp: a }; return true; }
    case "backup": { const a = ipv4(l, log); if (!a) return false; c.backup = { ...c.backup, publicIp: a }; return true; }
    case "backup_private": { const a = ipv4(l, log); if (!a) return false; c.backup = { ...c.backup, privateIp: a }; return true; }
    case "backup_active": c.backup = { ...c.backup, enabled: flag(l) }; return true;
    case "heartbeat_port": { const n = num(l, log, 1, 65535); if (n === null) return false; c.heartbeat = { ...c.heartbeat, port: n }; return true; }
    case "keepalive": { const n = num(l, log, 1, 3600); if (n === null) return false; c.heartbeat = { ...c.heartbeat, intervalSeconds: n }; return true; }
    case "deadtime": { const n = num(l, log, 1, 3600); if (n === null) return false; c.heartbeat = { ...c.heartbeat, deadAfterSeconds: n }; return true; }
    case "network":
      if (!(NETWORKS as readonly string[]).includes(v ?? "")) {
        log.error(l.n, l.column, `network ${v ?? ""}; allowed: ${NETWORKS.join(", ")}`);
        return false;
      }
      c.network = v as (typeof NETWORKS)[number];
      return true;
    case "nat_router": {
      const a = ipv4(l, log);
      if (!a) return false;
      c.natRouter = { ...c.natRouter, ip: a, ...(l.args[1] ? { device: l.args[1] } : {}) };
      return true;
    }
    case "nat_nmask": { const m = mask(v); if (m) c.natRouter = { ...c.natRouter, netmask: m }; return true; }
    case "monitor_links": c.monitorLinks = flag(l); return true;
    case "syncdaemon": c.syncDaemon = flag(l); return true;
    case "tcp_timeout": case "tcpfin_timeout": case "udp_timeout": {
      const n = num(l, log, 0, 2147483);
      if (n === null) return false;
      c.timeouts = { ...c.timeouts, [l.key.replace("_timeout", "")]: n };
      return true;
    }
    default:
      if (IGNORED_GLOBALS.has(l.key)) {
        if (l.key === "service" && v === "fos") log.warn(l.n, "service = fos: failover services are not carried; only LVS virtual servers are imported");
        return true;
      }
      log.warn(l.n, `${l.key} not imported: the model does not carry it${l.key.endsWith("_cmd") ? " (commands run as root are never generated)" : ""}`, "cluster");
      return true;
  }
}

function readVirtual(head: Line, body: Line[], log: MessageLog): ImportedService | null {
  const name = head.args[0] ?? "";
  const subject = `virtualServer:${name}`;
  const vs: Partial<VirtualServerInput> & { monitor?: NonNullable<VirtualServerInput["monitor"]> } = {};
  const s: ImportedService = { file: log.file, line: head.n, name, kind: "port", family: 4, realServers: [], settings: vs };
  for (let i = 0; i < body.length; i++) {
    const l = body[i] as Line;
    const v = l.args[0] ?? "";
    if (l.key === "server") {
      const end = blockEnd(body, i, log);
      if (end < 0) return null;
      const rs = readServer(l, body.slice(i + 1, end), log, subject);
      if (!rs) return null;
      s.realServers.push(rs);
      i = end;
      continue;
    }
    switch (l.key) {
      case "active": vs.active = flag(l); break;
      case "address": { const a = ipv4(l, log); if (!a) return null; s.vip = a; if (l.args[1]) vs.device = l.args[1]; break; }
      case "vip_nmask": { const m = mask(v); if (m) vs.vipNetmask = m; break; }
      case "fwmark": { const n = num(l, log, 0, MAX_MARK); if (n === null) return null; if (n > 0) { s.kind = "fwmark"; s.mark = n; } break; }
      case "port": { const n = num(l, log, 1, 65535); if (n === null) return null; s.port = n; break; }
      case "protocol": if (v === "tcp" || v === "udp") s.protocol = v; else log.warn(l.n, `protocol ${v} not imported; allowed: tcp, udp`, subject); break;
      case "scheduler":
        if ((LVS_CF_SCHEDULERS as readonly string[]).includes(v)) s.scheduler = v as Scheduler;
        else log.warn(l.n, `scheduler ${v} not imported (allowed: ${LVS_CF_SCHEDULERS.join(", ")}); the default wlc applies`, subject);
        break;
      case "persistent": { const n = num(l, log, 0, 2147483); if (n === null) return null; s.persistence = { ...s.persistence, timeoutSeconds: n }; break; }
      case "pmask": { const m = mask(v); if (m) s.persistence = { timeoutSeconds: s.persistence?.timeoutSeconds ?? 0, netmask: m }; break; }
      case "send": vs.monitor = { ...vs.monitor, send: v }; break;
      case "expect": vs.monitor = { ...vs.monitor, expect: v }; break;
      case "use_regex": vs.monitor = { ...vs.monitor, expectIsRegex: flag(l) }; break;
      case "send_program": vs.monitor = { ...vs.monitor, sendProgram: v }; break;
      case "load_monitor":
        if ((LOAD_MONITORS as readonly string[]).includes(v)) vs.loadMonitor = v as (typeof LOAD_MONITORS)[number];
        else log.warn(l.n, `load_monitor ${v} not imported; allowed: ${LOAD_MONITORS.join(", ")}`, subject);
        break;
      case "timeout": { const n = num(l, log, 1, 86400); if (n === null) return null; vs.serviceTimeoutSeconds = n; break; }
      case "reentry": { const n = num(l, log, 0, 86400); if (n === null) return null; vs.reentrySeconds = n; break; }
      case "quiesce_server": vs.quiesceServer = flag(l); break;
      case "sorry_server": { const a = ipv4(l, log); if (!a) return null; vs.sorryServer = a; break; }
      default: log.warn(l.n, `virtual ${name}: ${l.key} not imported: the model does not carry it`, subject);
    }
  }
  if (s.vip === undefined) {
    log.error(head.n, head.column, `virtual ${name} has no address; allowed: address = IPv4 [DEVICE]`);
    return null;
  }
  if (s.persistence && s.persistence.timeoutSeconds === 0) delete s.persistence.netmask;
  return s;
}

function readServer(head: Line, body: Line[], log: MessageLog, subject: string): ImportedRealServer | null {
  const rs: Partial<ImportedRealServer> = { name: head.args[0] ?? "", weight: 1, line: head.n };
  for (const l of body) {
    if (l.key === "address") {
      const a = ipv4(l, log);
      if (!a) return null;
      rs.address = a;
      rs.family = 4;
    } else if (l.key === "active") rs.active = flag(l);
    else if (l.key === "weight") {
      const n = num(l, log, 0, 65535);
      if (n === null) return null;
      rs.weight = n;
    } else if (l.key === "port") {
      const n = num(l, log, 1, 65535);
      if (n === null) return null;
      rs.port = n;
    } else log.warn(l.n, `server ${rs.name}: ${l.key} not imported: the model does not carry it`, subject);
  }
  if (rs.address === undefined) {
    log.error(head.n, head.column, `server ${rs.name} has no address; allowed: address = IPv4`);
    return null;
  }
  return rs as ImportedRealServer;
}
