import { parseHostPort, type HostPort } from "../model/address";
import type { NetworkType } from "../schema/cluster";
import { SCHEDULERS, type Scheduler } from "../schema/enums";
import { MARK_ALLOWED, MAX_MARK } from "./mark-rules";
import { checkReadable, MessageLog } from "./messages";
import { serviceKey, type ClusterFacts, type ImportedService, type ServicesResult } from "./services";
import { logicalLines, splitWords, type Word } from "./words";

const COMMAND = /^(?:.*\/)?ipvsadm$/;
const LONG: Record<string, string> = {
  "--add-service": "-A", "--edit-service": "-E", "--delete-service": "-D", "--add-server": "-a", "--edit-server": "-e",
  "--delete-server": "-d", "--clear": "-C", "--tcp-service": "-t", "--udp-service": "-u", "--fwmark-service": "-f",
  "--scheduler": "-s", "--persistent": "-p", "--netmask": "-M", "--real-server": "-r", "--gatewaying": "-g",
  "--masquerading": "-m", "--ipip": "-i", "--weight": "-w", "--ipv6": "-6",
};
const METHOD: Record<string, NetworkType> = { "-m": "nat", "-g": "direct", "-i": "tunnel" };
const TAKES_VALUE = new Set(["-t", "-u", "-f", "-s", "-M", "-r", "-w", "-x", "-y", "-b", "--pe", "--sctp-service", "--tun-type", "--tun-port", "--tun-nocsum", "--set"]);

interface Command { op: string; opts: Map<string, Word>; flags: Set<string>; persistent?: number; line: number }

// ipvsadm -Sn prints `-A -t VIP:PORT -s wlc -p 300` and `-a -t VIP:PORT -r RIP:PORT -m -w 1`;
// scripts spell the same with a leading `ipvsadm` and sometimes long options.
/** Reads `ipvsadm -S`/`-Sn` output or a script of `ipvsadm -A/-a` commands into services. */
export function parseIpvsadmSave(text: string, file: string): ServicesResult {
  const log = new MessageLog(file);
  const cluster: ClusterFacts = {};
  const services = new Map<string, ImportedService>();
  const empty = (): ServicesResult => ({ services: [], cluster: {}, messages: log.messages });
  if (!checkReadable(text, log)) return empty();
  for (const { line, text: raw } of logicalLines(text)) {
    const split = splitWords(raw);
    if (!split.ok) {
      log.error(line, split.column, split.message);
      return empty();
    }
    let words = split.words;
    if (words.length === 0 || words[0]?.text.startsWith("#!")) continue;
    if (COMMAND.test(words[0]?.text ?? "")) words = words.slice(1);
    else if (!words[0]?.text.startsWith("-")) {
      if (!["set", "exit"].includes(words[0]?.text ?? "")) log.warn(line, `${JSON.stringify(words[0]?.text)} is not an ipvsadm command; not imported`);
      continue;
    }
    const cmd = readCommand(words, line, log);
    if (!cmd) return empty();
    if (!apply(cmd, services, cluster, log)) return empty();
  }
  return { services: [...services.values()], cluster, messages: log.messages };
}

function readCommand(words: Word[], line: number, log: MessageLog): Command | null {
  const cmd: Command = { op: "", opts: new Map(), flags: new Set(), line };
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    const [name0, inline] = w.text.startsWith("--") && w.text.includes("=") ? w.text.split(/=(.*)/s) : [w.text, undefined];
    const name = LONG[name0 ?? ""] ?? name0 ?? "";
    if (["-A", "-E", "-D", "-a", "-e", "-d", "-C", "--set", "--start-daemon", "--stop-daemon"].includes(name) && cmd.op === "") {
      cmd.op = name;
      if (name === "--set" || name === "--start-daemon") cmd.opts.set(name, { text: words.slice(i + 1).map((x) => x.text).join(" "), column: w.column });
      if (name === "--set" || name === "--start-daemon" || name === "--stop-daemon") break;
    } else if (name === "-p") {
      const next = inline ?? words[i + 1]?.text;
      if (next !== undefined && /^\d+$/.test(next)) {
        cmd.persistent = Number(next);
        if (inline === undefined) i++;
      } else cmd.persistent = 300;
    } else if (TAKES_VALUE.has(name)) {
      const v = inline === undefined ? words[++i] : { text: inline, column: w.column };
      if (!v) {
        log.error(line, w.column, `${w.text} needs a value`);
        return null;
      }
      cmd.opts.set(name, v);
    } else if (name.startsWith("-")) cmd.flags.add(name);
    else {
      log.error(line, w.column, `unexpected ${JSON.stringify(w.text)}; allowed: ipvsadm options (-A/-a/-t/-u/-f/-s/-p/-M/-r/-m/-g/-i/-w)`);
      return null;
    }
  }
  if (cmd.op === "") {
    log.error(line, words[0]?.column ?? 1, "no command; allowed: -A, -E, -a, -e, -D, -d, -C, --set");
    return null;
  }
  return cmd;
}

function apply(cmd: Command, services: Map<string, ImportedService>, cluster: ClusterFacts, log: MessageLog): boolean {
  const { op, line } = cmd;
  if (op === "-C") {
    services.clear();
    return true;
  }
  if (op === "--set") {
    const [tcp, tcpfin, udp] = (cmd.opts.get("--set")?.text ?? "").split(/\s+/).map(Number);
    if ([tcp, tcpfin, udp].some((n) => n === undefined || !Number.isInteger(n) || n < 0)) {
      log.error(line, 1, "--set needs three timeouts (tcp tcpfin udp) in seconds");
      return false;
    }
    cluster.timeouts = { tcp, tcpfin, udp };
    return true;
  }
  if (op === "--start-daemon" || op === "--stop-daemon") {
    if (op === "--start-daemon") cluster.syncDaemon = true;
    log.note(line, op === "--start-daemon" ? "connection sync daemon: imported as sync daemon on (its interface and id are not carried)" : "--stop-daemon ignored");
    return true;
  }
  const service = readService(cmd, log);
  if (!service) return false;
  const key = serviceKey(service);
  const existing = services.get(key);
  if (op === "-A" || op === "-E") {
    if (op === "-A" && existing) {
      log.error(line, 1, `service ${describe(service)} is defined twice (first on line ${existing.line}); allowed: each service once (-E edits one)`);
      return false;
    }
    for (const flag of ["-b", "--pe"]) if (cmd.opts.has(flag)) log.warn(line, `${flag} ${cmd.opts.get(flag)?.text} not imported: the model does not carry it`);
    const target = existing ?? service;
    const sched = cmd.opts.get("-s")?.text;
    if (sched !== undefined) {
      if ((SCHEDULERS as readonly string[]).includes(sched)) target.scheduler = sched as Scheduler;
      else log.warn(line, `scheduler ${JSON.stringify(sched)} not imported (allowed: ${SCHEDULERS.join(", ")}); the default wlc applies`, subject(target));
    }
    if (cmd.persistent !== undefined) target.persistence = { timeoutSeconds: cmd.persistent, ...netmask(cmd, target, log) };
    services.set(key, target);
    return true;
  }
  if (op === "-D") {
    services.delete(key);
    return true;
  }
  if (!existing) {
    log.warn(line, `real server for ${describe(service)}, which no -A line defines, not imported`);
    return true;
  }
  for (const flag of ["-x", "-y", "--tun-type", "--tun-port", "--tun-nocsum"]) {
    if (cmd.opts.has(flag)) log.warn(line, `${flag} ${cmd.opts.get(flag)?.text} not imported: the model does not carry it`, subject(existing));
  }
  return applyRealServer(cmd, existing, log);
}

function applyRealServer(cmd: Command, service: ImportedService, log: MessageLog): boolean {
  const r = cmd.opts.get("-r");
  const hp = r ? realServerAddress(r.text, service) : null;
  if (!r || !hp) {
    log.error(cmd.line, r?.column ?? 1, `real server ${JSON.stringify(r?.text ?? "")} is not ADDRESS[:PORT] ([v6]:PORT, port 1-65535; port 0 only on an fwmark service); host names are not resolved (save with ipvsadm -Sn)`);
    return false;
  }
  const index = service.realServers.findIndex((x) => x.address === hp.address.canonical && x.port === hp.port);
  if (cmd.op === "-d") {
    if (index >= 0) service.realServers.splice(index, 1);
    return true;
  }
  const methodFlag = ["-m", "-g", "-i"].find((f) => cmd.flags.has(f));
  const weightText = cmd.opts.get("-w")?.text;
  const weight = weightText === undefined ? 1 : Number(weightText);
  if (!/^\d+$/.test(weightText ?? "1") || weight > 65535) {
    log.error(cmd.line, cmd.opts.get("-w")?.column ?? 1, `weight ${JSON.stringify(weightText)}; allowed: an integer 0-65535`);
    return false;
  }
  if (cmd.op === "-a" && index >= 0) {
    log.error(cmd.line, r.column, `real server ${r.text} is added twice to ${describe(service)}; allowed: each real server once (-e edits one)`);
    return false;
  }
  if (!methodFlag) log.note(cmd.line, `real server ${r.text} names no forwarding method: ipvsadm's default -g (direct routing) assumed`, subject(service));
  const rs = {
    address: hp.address.canonical, family: hp.address.family, ...(hp.port === undefined ? {} : { port: hp.port }),
    weight, method: METHOD[methodFlag ?? "-g"] as NetworkType, line: cmd.line,
  };
  if (index >= 0) service.realServers[index] = rs;
  else service.realServers.push(rs);
  return true;
}

// ipvsadm -Sn prints an fwmark service's real servers as RIP:0 ([RIP]:0): IPVS
// keeps the packet's own port, so port 0 there is no port. A port service has none.
/** The address (and port) of `-r`, port 0 read as "no port" on an fwmark service. */
function realServerAddress(text: string, service: Pick<ImportedService, "kind">): HostPort | null {
  const zero = service.kind === "fwmark" ? /^(\[[^\]]+\]|[^:\s]+):0$/.exec(text) : null;
  if (zero) {
    const hp = parseHostPort(zero[1] ?? "");
    return hp && hp.port === undefined ? hp : null;
  }
  return parseHostPort(text);
}

function readService(cmd: Command, log: MessageLog): ImportedService | null {
  const base = { file: log.file, line: cmd.line, realServers: [], settings: {} };
  const fw = cmd.opts.get("-f");
  if (fw) {
    const mark = /^(?:\d+|0x[0-9a-f]+)$/i.test(fw.text) ? Number(fw.text) : Number.NaN;
    if (!(mark >= 1 && mark <= MAX_MARK)) {
      log.error(cmd.line, fw.column, `firewall mark ${fw.text}; allowed: ${MARK_ALLOWED}`);
      return null;
    }
    return { ...base, kind: "fwmark", family: cmd.flags.has("-6") ? 6 : 4, mark };
  }
  const opt = cmd.opts.get("-t") ?? cmd.opts.get("-u");
  if (!opt) {
    const sctp = cmd.opts.get("--sctp-service");
    log.error(cmd.line, sctp?.column ?? 1, sctp ? "SCTP services are not carried; allowed: -t, -u or -f" : "no service; allowed: -t VIP:PORT, -u VIP:PORT or -f MARK");
    return null;
  }
  const hp = parseHostPort(opt.text);
  if (!hp || hp.port === undefined) {
    log.error(cmd.line, opt.column, `service ${JSON.stringify(opt.text)} is not ADDRESS:PORT ([v6]:PORT); host names and service names are not resolved (save with ipvsadm -Sn)`);
    return null;
  }
  return {
    ...base, kind: "port", family: hp.address.family, vip: hp.address.canonical, port: hp.port,
    protocol: cmd.opts.has("-t") ? "tcp" : "udp",
  };
}

function netmask(cmd: Command, s: ImportedService, log: MessageLog): { netmask?: string | number } {
  const m = cmd.opts.get("-M")?.text;
  if (m === undefined) return {};
  if (s.family === 6) {
    if (/^\d{1,3}$/.test(m) && Number(m) <= 128) return { netmask: Number(m) };
  } else if (/^\d+\.\d+\.\d+\.\d+$/.test(m)) return { netmask: m };
  log.warn(cmd.line, `persistence netmask ${JSON.stringify(m)} not imported: allowed a dotted IPv4 mask or an IPv6 prefix length`, subject(s));
  return {};
}

function describe(s: ImportedService): string {
  return s.kind === "fwmark" ? `fwmark ${s.mark}${s.family === 6 ? " (IPv6)" : ""}` : `${s.protocol} ${s.vip}:${s.port}`;
}

/** The subject key of a service for messages shown beside it. */
export function subject(s: ImportedService): string {
  return `service:${serviceKey(s)}`;
}
