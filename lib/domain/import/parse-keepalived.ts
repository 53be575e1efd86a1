import { parseAddress, type Family } from "../model/address";
import type { NetworkType } from "../schema/cluster";
import { SCHEDULERS, type Scheduler } from "../schema/enums";
import type { HealthCheck } from "../schema/health-check";
import type { IncludeReader } from "./include-reader";
import { isCheckerKeyword, readChecker, sameCheck, validateCheck } from "./keepalived-checkers";
import { readGlobalDefs, readVrrpInstance, type VrrpAddress } from "./keepalived-globals";
import { expandGroup } from "./keepalived-groups";
import { parseKeepalivedSyntax, type KaNode } from "./keepalived-syntax";
import { MARK_ALLOWED, MAX_MARK } from "./mark-rules";
import { MessageLog } from "./messages";
import { serviceKey, type ClusterFacts, type ImportedRealServer, type ImportedService, type ServicesResult } from "./services";

const METHODS: Record<string, NetworkType> = { NAT: "nat", DR: "direct", TUN: "tunnel" };
const NAME = /^[A-Za-z0-9_.-]{1,31}$/;
const GENERATED_NAMES = /^virtual servers? ([A-Za-z0-9_.-]{1,31})(?:, .*)?$/;

/** A service head: what `virtual_server IP PORT` / `fwmark N` / a group member names. */
export type ServiceHead = Pick<ImportedService, "kind" | "family" | "mark" | "vip" | "port">;

/** Reads keepalived.conf (with its includes) into services, VRRP and cluster settings. */
export function parseKeepalived(text: string, file: string, reader?: IncludeReader): ServicesResult {
  const log = new MessageLog(file);
  const cluster: ClusterFacts = {};
  const groups = new Map<string, KaNode>();
  const services = new Map<string, ImportedService>();
  const addresses: VrrpAddress[] = [];
  const deferred: KaNode[] = [];
  let instances = 0;
  let failed = false;
  const handle = (node: KaNode) => {
    if (failed) return;
    const l = log.forFile(node.file);
    const keyword = node.words[0] ?? "";
    if (keyword === "global_defs") readGlobalDefs(node, cluster, log);
    else if (keyword === "vrrp_instance") addresses.push(...readVrrpInstance(node, instances++ === 0, cluster, log));
    else if (keyword === "vrrp_sync_group") l.note(node.line, `vrrp_sync_group ${node.words[1] ?? ""}: its instances fail over together, as the model's one instance does (notify scripts are not imported)`, "cluster");
    else if (keyword === "virtual_server_group") {
      if (node.words[1]) groups.set(node.words[1], node);
    } else if (keyword === "virtual_server") {
      // A group may be defined after the virtual_server that uses it: that one waits for the end.
      if (node.words[1] === "group" && !groups.has(node.words[2] ?? "")) deferred.push(node);
      else failed = !readVirtualServer(node, groups, services, log);
    } else l.warn(node.line, `${keyword} not imported: the model does not carry it${keyword.includes("script") ? " (scripts run as root are never generated)" : ""}`);
  };
  const read = parseKeepalivedSyntax(text, file, reader, log, handle);
  for (const node of deferred) if (!failed) failed = !readVirtualServer(node, groups, services, log);
  if (!read || failed) return { services: [], cluster: {}, messages: log.messages };
  return { services: [...services.values()], cluster, messages: log.messages, addresses };
}

function readVirtualServer(node: KaNode, groups: Map<string, KaNode>, services: Map<string, ImportedService>, log0: MessageLog): boolean {
  const log = log0.forFile(node.file);
  const [, a = "", b] = node.words;
  let heads: ServiceHead[];
  if (a === "group") {
    const group = groups.get(b ?? "");
    if (!group) {
      log.error(node.line, 1, `virtual_server group ${b ?? ""}: no virtual_server_group of that name; allowed: a group defined in the files given`);
      return false;
    }
    const expanded = expandGroup(group, log0);
    if (!expanded) return false;
    heads = expanded;
    log.note(node.line, `virtual_server group ${b}: expanded to ${heads.length} virtual server(s), one per member`);
  } else {
    const head = readHead(a, b, node, log);
    if (!head) return false;
    heads = [head];
  }
  const settings = readBody(node, heads[0] as ServiceHead, log0);
  for (const head of heads) {
    const s: ImportedService = { ...(heads.length > 1 ? structuredClone(settings) : settings), ...head, file: node.file, line: node.line };
    if (head.kind === "port" && s.protocol === undefined) s.protocol = "tcp";
    const key = serviceKey(s);
    const first = services.get(key);
    if (first) {
      log.error(node.line, 1, `virtual_server ${describe(s)} is defined twice (first at ${first.file}:${first.line}); allowed: each service once`);
      return false;
    }
    services.set(key, s);
  }
  return true;
}

function readHead(a: string, b: string | undefined, node: KaNode, log: MessageLog): ServiceHead | null {
  if (a === "fwmark") {
    const mark = /^\d{1,12}$/.test(b ?? "") ? Number(b) : Number.NaN;
    if (!(mark >= 1 && mark <= MAX_MARK)) {
      log.error(node.line, 1, `virtual_server fwmark ${b ?? ""}: allowed: ${MARK_ALLOWED}`);
      return null;
    }
    return { kind: "fwmark", family: 4, mark };
  }
  const addr = parseAddress(a);
  const port = Number(b);
  if (!addr || !/^\d{1,5}$/.test(b ?? "") || port < 1 || port > 65535) {
    log.error(node.line, 1, `virtual_server ${a} ${b ?? ""}: allowed: virtual_server IP PORT, virtual_server fwmark N or virtual_server group NAME`);
    return null;
  }
  return { kind: "port", family: addr.family, vip: addr.canonical, port };
}

type Body = Omit<ImportedService, "kind" | "family" | "mark" | "vip" | "file" | "line">;

function readBody(node: KaNode, head: ServiceHead, log0: MessageLog): Body {
  const log = log0.forFile(node.file);
  const subject = `service:${node.file}:${node.line}`;
  const body: Body = { realServers: [], settings: {}, ...(head.port === undefined ? {} : { port: head.port }) };
  const named = GENERATED_NAMES.exec(node.comment ?? "")?.[1];
  if (named && NAME.test(named)) body.name = named;
  let family: Family | undefined;
  let interval: number | undefined;
  const checks: RealServerCheck[] = [];
  for (const child of node.children ?? []) {
    const l = log0.forFile(child.file);
    const [key = "", v = "", w] = child.words;
    if (key === "lvs_sched" || key === "lb_algo") {
      if ((SCHEDULERS as readonly string[]).includes(v)) body.scheduler = v as Scheduler;
      else l.warn(child.line, `${key} ${v} not imported (allowed: ${SCHEDULERS.join(", ")}); the default wlc applies`, subject);
    } else if (key === "lvs_method" || key === "lb_kind") {
      const m = METHODS[v.toUpperCase()];
      if (m) body.method = m;
      else l.warn(child.line, `${key} ${v} not imported; allowed: NAT, DR, TUN`, subject);
    } else if (key === "protocol") {
      if (v.toUpperCase() === "TCP" || v.toUpperCase() === "UDP") body.protocol = v.toLowerCase() as "tcp" | "udp";
      else l.warn(child.line, `protocol ${v} not imported; allowed: TCP, UDP`, subject);
    } else if (key === "persistence_timeout") {
      body.persistence = { ...body.persistence, timeoutSeconds: v === "" ? 360 : Number(v) };
      if (v === "") l.note(child.line, "persistence_timeout without a value: keepalived's 360 s assumed", subject);
    } else if (key === "persistence_granularity") {
      body.persistence = { timeoutSeconds: body.persistence?.timeoutSeconds ?? 0, netmask: /^\d{1,3}$/.test(v) ? Number(v) : v };
    } else if (key === "ip_family") family = v === "inet6" ? 6 : 4;
    else if (key === "delay_loop") interval = Number(v);
    else if (key === "sorry_server") {
      const a = parseAddress(v);
      if (a) body.settings.sorryServer = w === undefined ? a.canonical : a.family === 6 ? `[${a.canonical}]:${w}` : `${a.canonical}:${w}`;
      else l.warn(child.line, `sorry_server ${v} not imported: not an address`, subject);
    } else if (key === "real_server") {
      const r = readRealServer(child, head, body, log0, subject);
      if (r) checks.push(r);
    } else l.warn(child.line, `virtual_server ${key} not imported: the model does not carry it`, subject);
  }
  if (family !== undefined && head.kind === "fwmark") (head as { family: Family }).family = family;
  if (body.persistence?.netmask !== undefined && body.persistence.timeoutSeconds === 0) delete body.persistence.netmask;
  dropOwnPorts(checks, head);
  const first = checks[0];
  if (first) {
    for (const c of checks.slice(1)) {
      if (!sameCheck(first.check, c.check)) log0.forFile(node.file).warn(c.line, `real server ${c.rs.address} has a different check from ${first.rs.address}; the model holds one check per virtual server: the first applies`, subject);
    }
    if (!first.checker) body.settings.healthCheck = { type: "none" };
    else if (first.check) {
      const valid = validateCheck(first.check, first.checker, log0, subject);
      if (valid) applyCheck(body, valid, interval);
    }
  }
  return body;
}

// A check on each real server's own port is the model's default (no port):
// remapped NAT real servers then differ in connect_port only, and stay one check.
function dropOwnPorts(checks: RealServerCheck[], head: ServiceHead): void {
  if (head.kind !== "port") return;
  const own = (c: RealServerCheck) => c.check !== null && c.check.port !== undefined && c.check.port === (c.rs.port ?? head.port);
  if (checks.length === 0 || !checks.every(own)) return;
  for (const c of checks) delete c.check?.port;
}

interface RealServerCheck {
  rs: ImportedRealServer;
  line: number;
  /** The checker's fields; null when the model cannot hold it (already warned). */
  check: Record<string, unknown> | null;
  checker?: { file: string; line: number; keyword: string };
}

// connect_timeout is the service timeout unless the check says otherwise; the
// application port of an fwmark service is the port its checks connect to.
function applyCheck(body: Body, check: HealthCheck, interval: number | undefined): void {
  const hc: HealthCheck = { ...check };
  if (hc.timeoutSeconds !== undefined && hc.type !== "misc") {
    body.settings.serviceTimeoutSeconds = hc.timeoutSeconds;
    delete hc.timeoutSeconds;
  }
  if (hc.port !== undefined && body.port === undefined) body.port = hc.port;
  if (hc.port !== undefined && hc.port === body.port) delete hc.port;
  if (interval !== undefined && hc.intervalSeconds === undefined) hc.intervalSeconds = interval;
  body.settings.healthCheck = hc;
}

function readRealServer(node: KaNode, head: ServiceHead, body: Body, log0: MessageLog, subject: string): RealServerCheck | null {
  const log = log0.forFile(node.file);
  const [, a = "", p] = node.words;
  const addr = parseAddress(a);
  if (!addr) {
    log.warn(node.line, `real_server ${a} not imported: not an address`, subject);
    return null;
  }
  const rs: ImportedRealServer = { address: addr.canonical, family: addr.family, weight: 1, line: node.line };
  if (p !== undefined && /^\d{1,5}$/.test(p) && head.kind === "port") rs.port = Number(p);
  if (p !== undefined && head.kind === "fwmark") body.port ??= Number(p);
  let check: Record<string, unknown> | null = null;
  let checker: RealServerCheck["checker"];
  let checkers = 0;
  for (const child of node.children ?? []) {
    const [key = "", v = ""] = child.words;
    if (key === "weight" && /^\d{1,5}$/.test(v) && Number(v) <= 65535) rs.weight = Number(v);
    else if (key === "inhibit_on_failure") body.settings.quiesceServer = true;
    else if (isCheckerKeyword(key)) {
      if (checkers++ === 0) {
        check = readChecker(child, log0, subject);
        checker = { file: child.file, line: child.line, keyword: key };
      }
      else log0.forFile(child.file).warn(child.line, `${key} not imported: the model holds one check per virtual server`, subject);
    } else log0.forFile(child.file).warn(child.line, `real_server ${key} not imported: the model does not carry it${key.startsWith("notify") ? " (scripts run as root are never generated)" : ""}`, subject);
  }
  body.realServers.push(rs);
  return { rs, check, line: node.line, ...(checker ? { checker } : {}) };
}

function describe(s: ServiceHead): string {
  return s.kind === "fwmark" ? `fwmark ${s.mark}` : `${s.vip} ${s.port}`;
}
