import type { WhatIfAnswer } from "./what-if";

const host = (address: string, port?: number) => (port === undefined ? address : address.includes(":") ? `[${address}]:${port}` : `${address}:${port}`);

/** The what-if answer as the lines the CLI prints and the overview shows. */
export function formatWhatIf(a: WhatIfAnswer): string[] {
  const p = a.probe;
  const out = [`${p.from ? `${p.from} → ` : ""}${p.protocol} ${host(p.vip, p.port)}`];
  out.push(a.matched.length === 0
    ? `  mark: none (no rule of ${a.rulesEvaluated} in the IPv${p.family} chain matches)`
    : `  mark: ${a.mark} (${a.matched.map((m) => `rule ${m.position} bundle ${m.bundle} → ${m.mark}`).join("; ")})`);
  for (const n of a.notes) out.push(`  note: ${n}`);
  if (a.service) {
    const s = a.service;
    out.push(`  service: ${s.label}, scheduler ${s.scheduler}, ${s.forwarding} (virtual servers ${s.virtualServers.join(", ")})`);
    out.push(s.persistence
      ? `  persistence: ${s.persistence.seconds} s per client network /${s.persistence.prefix}${s.persistence.group ? ` (this client: ${s.persistence.group})` : ""}`
      : "  persistence: off");
    for (const r of a.reachable) out.push(`  real server: ${r.name} ${host(r.address, r.port)} weight ${r.weight}`);
    for (const r of a.quiesced) out.push(`  quiesced: ${r.name} ${host(r.address, r.port)} weight 0 (gets no new connection)`);
  }
  out.push(a.balanced ? "  balanced: yes" : `  not balanced: ${a.reason}`);
  return out;
}
