import type { IpvsRealServer, IpvsService } from "../model/services";
import type { HealthCheck } from "../schema/health-check";

const CHECKERS = {
  tcp: "TCP_CHECK", udp: "UDP_CHECK", http: "HTTP_GET", https: "SSL_GET", smtp: "SMTP_CHECK", dns: "DNS_CHECK", misc: "MISC_CHECK",
} as const;

const block = (name: string, lines: readonly string[]) => [`\t\t${name} {`, ...lines.map((l) => `\t\t\t${l}`), "\t\t}"].join("\n");

/** keepalived delay_loop of a service: the check's interval, else the heartbeat interval. */
export function checkInterval(s: IpvsService, heartbeatSeconds: number): number {
  return s.primary.healthCheck?.intervalSeconds ?? heartbeatSeconds;
}

function retryLines(hc: HealthCheck): string[] {
  return [
    ...(hc.retries === undefined ? [] : [`retry ${hc.retries}`]),
    ...(hc.retryDelaySeconds === undefined ? [] : [`delay_before_retry ${hc.retryDelaySeconds}`]),
  ];
}

// keepalived reads an unquoted `!` or `#` as the start of a comment; quoted, the
// path is one word with the quotes removed (the schema keeps quotes out of it).
function urlBlock(hc: HealthCheck): string[] {
  return [
    "url {",
    `\tpath "${hc.path ?? "/"}"`,
    ...(hc.digest === undefined ? [] : [`\tdigest ${hc.digest}`]),
    ...(hc.statusCode === undefined ? [] : [`\tstatus_code ${hc.statusCode}`]),
    "}",
  ];
}

// Piranha's send_program spells the real server as %h; keepalived has no such
// expansion, so each real server's MISC_CHECK gets its own address written in.
function miscLines(hc: HealthCheck, r: IpvsRealServer, timeout: number): string[] {
  const script = (hc.script ?? "").replaceAll("%h", r.address);
  return [`misc_path "${script}"`, `misc_timeout ${timeout}`, ...retryLines(hc)];
}

/** The checker block inside one real_server ("" when the check type is none). */
export function checkerBlock(s: IpvsService, r: IpvsRealServer): string {
  const hc = s.primary.healthCheck;
  if (hc === undefined) {
    // Today's default: a plain connect to the port the real server serves on.
    const name = s.protocol === "tcp" ? CHECKERS.tcp : CHECKERS.udp;
    return block(name, [`connect_port ${r.checkPort}`, `connect_timeout ${s.primary.serviceTimeoutSeconds}`]);
  }
  if (hc.type === "none") return "";
  const timeout = hc.timeoutSeconds ?? s.primary.serviceTimeoutSeconds;
  if (hc.type === "misc") return block(CHECKERS.misc, miscLines(hc, r, timeout));
  const connect = [`connect_port ${hc.port ?? r.checkPort}`, `connect_timeout ${timeout}`, ...retryLines(hc)];
  if (hc.type === "http" || hc.type === "https") return block(CHECKERS[hc.type], [...urlBlock(hc), ...connect]);
  if (hc.type === "dns") {
    const query = [...(hc.dnsType === undefined ? [] : [`type ${hc.dnsType}`]), ...(hc.dnsName === undefined ? [] : [`name ${hc.dnsName}`])];
    return block(CHECKERS.dns, [...connect, ...query]);
  }
  return block(CHECKERS[hc.type], connect);
}
