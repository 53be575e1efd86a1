import { ipv4MaskFromPrefix } from "../model/address";
import { modelOf, type ModelInput } from "../model/derive-model";
import { FORWARDING, type IpvsRealServer, type IpvsService } from "../model/services";
import { toText } from "./text";

/** ipvsadm's spelling of a service: `-f 80 [-6]` or `-t VIP:PORT`. */
export function ipvsadmServiceArgs(s: IpvsService): string {
  if (s.kind === "fwmark") return `-f ${s.mark}${s.family === 6 ? " -6" : ""}`;
  const host = s.family === 6 ? `[${s.vip}]` : s.vip;
  return `${s.protocol === "tcp" ? "-t" : "-u"} ${host}:${s.port}`;
}

function realServerArg(r: IpvsRealServer): string {
  const host = r.family === 6 ? `[${r.address}]` : r.address;
  return r.port === undefined ? host : `${host}:${r.port}`;
}

function persistenceArgs(s: IpvsService): string {
  if (s.persistenceSeconds === 0) return "";
  const p = ` -p ${s.persistenceSeconds}`;
  if (s.persistencePrefix === undefined) return p;
  return `${p} -M ${s.family === 4 ? ipv4MaskFromPrefix(s.persistencePrefix) : s.persistencePrefix}`;
}

// ipvsadm-restore takes bare ipvsadm arguments, one command per line, and has
// no comment syntax, so nothing but validated tokens appears here.
/** ipvsadm-restore input: clear, timeouts, then each service and its real servers (one service per mark and family). */
export function renderIpvsadm(input: ModelInput): string {
  const model = modelOf(input);
  const doc = model.doc;
  const lines = ["-C"];
  const t = doc.cluster.timeouts;
  if (t.tcp > 0 || t.tcpfin > 0 || t.udp > 0) lines.push(`--set ${t.tcp} ${t.tcpfin} ${t.udp}`);
  const method = FORWARDING[doc.cluster.network].ipvsadm;
  // One string per service (joined at once): 100,000 real-server lines kept
  // apart until the end were most of this renderer's garbage.
  for (const s of model.ipvsServices) {
    const service = ipvsadmServiceArgs(s);
    const block = [`-A ${service} -s ${s.scheduler}${persistenceArgs(s)}`];
    for (const r of s.realServers) block.push(`-a ${service} -r ${realServerArg(r)} ${method} -w ${r.weight}`);
    lines.push(block.join("\n"));
  }
  return toText(lines);
}
