// Piranha's lvs.cf grammar as lvsconfig.c of piranha 0.8.6 defines it (the
// parser pulse, lvsd and nanny share; any error stops them), written from
// reading that file: its tokenizer, each block's keywords with their
// CHECK_ARGS counts, and the value lists and converters each keyword uses.
// Left out: `dirs = [ … ]` (failover services only), which we never write.

/** One parsed `keyword = values…` line (or block opener) with its 1-based line number. */
export interface LvsCfEntry {
  line: number;
  key: string;
  values: string[];
}

/** A parsed block: `virtual NAME { … }` or `server NAME { … }`. */
export interface LvsCfBlock {
  line: number;
  name: string;
  entries: LvsCfEntry[];
  servers: LvsCfBlock[];
}

/** What the parser would hold, plus every line it would refuse. */
export interface LvsCfParse {
  findings: string[];
  globals: LvsCfEntry[];
  virtuals: LvsCfBlock[];
}

type Check = (value: string) => boolean;

const INT_MAX = 2147483647;
// getNum: strtol(tok, &end, 0) with nothing left over; we also hold it to an int
// (lvsconfig stores it in one) and to decimal (base 0 would read 010 as octal).
const isInt: Check = (v) => /^-?(0|[1-9]\d*)$/.test(v) && Math.abs(Number(v)) <= INT_MAX;
const isBool: Check = (v) => v === "0" || v === "1";
const OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);
// inet_aton also takes shorthand forms; a dotted quad is what we ever write.
const isIp: Check = (v) => IPV4.test(v);
// primary, primary_private and backup_private refuse 0.0.0.0 (LVS_ERROR_BADHOSTNAME).
const isHostIp: Check = (v) => isIp(v) && v !== "0.0.0.0";
const isWord: Check = (v) => v.length > 0;
const oneOf = (...values: string[]): Check => (v) => values.includes(v);
const isPort: Check = (v) => isInt(v) && Number(v) >= 0 && Number(v) <= 65535;

/** Top-level keywords: their checks, one per argument (CHECK_ARGS(n)). */
export const GLOBAL_KEYWORDS: Record<string, Check[]> = {
  primary: [isHostIp], serial_no: [isInt], primary_private: [isHostIp], primary_shared: [isWord], backup: [isIp],
  backup_active: [isBool], backup_private: [isHostIp], backup_shared: [isWord], reservation_conflict_action: [oneOf("nothing", "preempt")],
  nat_nmask: [isIp], nat_router: [isIp, isWord], active_cmd: [isWord], inactive_cmd: [isWord], monitor_links: [isInt],
  debug_level: [isWord], hard_shutdown: [isBool], ipvsadm: [isWord], keepalive: [isInt], deadtime: [isInt], rsh_command: [isWord],
  syncdaemon: [isBool], syncd_iface: [isWord], syncd_id: [isInt], tcp_timeout: [isInt], tcpfin_timeout: [isInt], udp_timeout: [isInt],
  heartbeat: [isBool], heartbeat_port: [isPort], sync: [isBool], network: [oneOf("direct", "nat", "tunnel")], service: [oneOf("lvs", "fos")],
};

/** Keywords of a `virtual` (or `failover`) block. */
export const VIRTUAL_KEYWORDS: Record<string, Check[]> = {
  active: [isBool], address: [isIp, isWord], sorry_server: [isIp], vip_nmask: [isIp], fwmark: [isInt], protocol: [oneOf("tcp", "udp")],
  port: [isPort], scheduler: [oneOf("lc", "rr", "wlc", "wrr", "lblc", "lblcr", "dh", "sh")], persistent: [isInt], pmask: [isWord],
  client_monitor: [isWord], send_program: [isWord], send: [isWord], expect: [isWord], use_regex: [isBool], timeout: [isInt],
  reentry: [isInt], load_monitor: [isWord], quiesce_server: [isBool], start_cmd: [isWord], stop_cmd: [isWord], master: [isIp],
};

/** Keywords of a `server` block inside a virtual block. */
export const SERVER_KEYWORDS: Record<string, Check[]> = {
  address: [isIp], active: [isBool], weight: [isInt], port: [isInt],
};

// tokenizeString: words split on blanks; a word opening with " or ' runs to
// the same quote on that line, and a missing closing quote is BADQUOTING.
function tokenize(line: string): string[] | null {
  const tokens: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === " " || line[i] === "\t") i++;
    if (i >= line.length) break;
    const quote = line[i] === '"' || line[i] === "'" ? line[i] : null;
    if (quote) {
      const end = line.indexOf(quote, i + 1);
      if (end < 0) return null;
      tokens.push(line.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < line.length && line[j] !== " " && line[j] !== "\t") j++;
    tokens.push(line.slice(i, j));
    i = j;
  }
  return tokens;
}

function checkArgs(tokens: string[], checks: Check[], where: string): string | null {
  if (tokens[1] !== "=") return `${where}: equal (=) expected after ${tokens[0]}`;
  if (tokens.length < checks.length + 2) return `${where}: missing arguments to ${tokens[0]} (takes ${checks.length})`;
  if (tokens.length > checks.length + 2) return `${where}: unexpected arguments to ${tokens[0]} (takes ${checks.length})`;
  const bad = checks.findIndex((check, k) => !check(tokens[k + 2]!));
  return bad < 0 ? null : `${where}: invalid argument ${JSON.stringify(tokens[bad + 2])} to ${tokens[0]}`;
}

/** Parses lvs.cf text the way lvsconfig.c does; `findings` lists every line it would refuse. */
export function parseLvsCf(text: string): LvsCfParse {
  const out: LvsCfParse = { findings: [], globals: [], virtuals: [] };
  const stack: LvsCfBlock[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const n = index + 1;
    const where = `line ${n}`;
    const trimmed = raw.replace(/^[ \t]+/, "");
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const tokens = tokenize(trimmed);
    if (tokens === null) return void out.findings.push(`${where}: quotation mismatch`);
    const key = tokens[0]!;
    const depth = stack.length;
    if (key === "}") {
      if (tokens.length > 1) return void out.findings.push(`${where}: unexpected arguments after }`);
      if (depth === 0) return void out.findings.push(`${where}: unknown command }`);
      stack.pop();
      return;
    }
    const opener = (depth === 0 && (key === "virtual" || key === "failover")) || (depth === 1 && key === "server");
    if (opener) {
      if (tokens.length !== 3 || tokens[2] !== "{") return void out.findings.push(`${where}: ${key} takes NAME {`);
      const block: LvsCfBlock = { line: n, name: tokens[1]!, entries: [], servers: [] };
      if (depth === 0) out.virtuals.push(block);
      else stack[0]!.servers.push(block);
      stack.push(block);
      return;
    }
    const table = depth === 0 ? GLOBAL_KEYWORDS : depth === 1 ? VIRTUAL_KEYWORDS : SERVER_KEYWORDS;
    const checks = table[key];
    if (!checks) return void out.findings.push(`${where}: unknown command ${key}`);
    const why = checkArgs(tokens, checks, where);
    if (why) return void out.findings.push(why);
    const entry = { line: n, key, values: tokens.slice(2) };
    if (depth === 0) out.globals.push(entry);
    else stack[depth - 1]!.entries.push(entry);
  });
  if (stack.length > 0) out.findings.push(`line ${stack[stack.length - 1]!.line}: block ${stack[stack.length - 1]!.name} is never closed`);
  return out;
}

/** The last value given for a key (lvsconfig.c keeps the last one), or undefined. */
export function valueOf(entries: readonly LvsCfEntry[], key: string): string[] | undefined {
  return [...entries].reverse().find((e) => e.key === key)?.values;
}
