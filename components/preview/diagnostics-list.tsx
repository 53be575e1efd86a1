import Link from "next/link";
import type { Diagnostic } from "@/lib/domain/lint";

// "virtualServers[2].persistence.netmask" belongs to the object "virtualServers[2]".
function objectHref(path: string, links: Record<string, string>): string | undefined {
  const owner = /^(?:firewallMarks|virtualServers)\[\d+\]/.exec(path)?.[0] ?? (path.startsWith("cluster") ? "cluster" : undefined);
  return owner === undefined ? undefined : links[owner];
}

/** Lint diagnostics, errors first, each linked to the object at fault. */
export function DiagnosticsList({ diagnostics, links }: { diagnostics: Diagnostic[]; links: Record<string, string> }) {
  if (diagnostics.length === 0) return <p className="alert ok">No problems found.</p>;
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...diagnostics].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <ul className="diagnostics">
      {sorted.map((d, i) => {
        const href = objectHref(d.path, links);
        return (
          <li key={`${d.code}-${d.path}-${i}`} className={`alert ${d.severity === "info" ? "ok" : d.severity}`}>
            <strong>{d.severity}</strong> <code>{d.code}</code> {d.message}{" "}
            {href ? <Link href={href}>{d.path}</Link> : <code>{d.path}</code>}
          </li>
        );
      })}
    </ul>
  );
}
