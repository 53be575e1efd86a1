import type { PersistenceRow } from "@/lib/domain/model/persistence-summary";
import { TableScroll } from "@/components/ui/table-scroll";

/** Persistence per firewall mark: timeout, netmask and the virtual servers sharing it. */
export function PersistenceTable({ rows }: { rows: PersistenceRow[] }) {
  if (rows.length === 0) return <p className="muted">No virtual servers yet.</p>;
  return (
    <TableScroll label="Persistence per mark">
      <table>
        <caption className="sr-only">Persistence per mark</caption>
        <thead>
          <tr>
            <th scope="col">Mark</th>
            <th scope="col">Family</th>
            <th scope="col">Bundle</th>
            <th scope="col">Timeout (s)</th>
            <th scope="col">Netmask</th>
            <th scope="col">Virtual servers</th>
            <th scope="col">Agrees</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.mark ?? "port"}-${r.family}-${r.virtualServers[0]}`}>
              <td>{r.mark ?? "— (port service)"}</td>
              <td>IPv{r.family}</td>
              <td>{r.bundle ?? "—"}</td>
              <td>{r.timeouts.map((t) => (t === 0 ? "off" : t)).join(" / ")}</td>
              <td>{r.netmasks.join(" / ")}</td>
              <td>{r.virtualServers.join(", ")}</td>
              <td>{r.consistent ? "yes" : <strong className="error">no — services sharing this mark disagree</strong>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
