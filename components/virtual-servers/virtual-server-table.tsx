import { ClusterLink } from "@/components/ui/cluster-link";
import type { VirtualServerRow } from "@/lib/server/virtual-servers";
import { VirtualServerRowActions } from "./virtual-server-row-actions";
import { TableScroll } from "@/components/ui/table-scroll";

/** Piranha's virtual server list: status, name, VIP, port, mark, protocol, scheduler, persistence. */
export function VirtualServerTable({ rows, canEdit }: { rows: VirtualServerRow[]; canEdit: boolean }) {
  if (rows.length === 0) return <p>No virtual servers.</p>;
  return (
    <TableScroll label="Virtual servers">
      <table>
        <caption className="sr-only">Virtual servers</caption>
        <thead>
          <tr>
            <th scope="col">Status</th><th scope="col">Name</th><th scope="col">VIP</th><th scope="col">Port</th>
            <th scope="col">Mark</th><th scope="col">Protocol</th><th scope="col">Scheduler</th><th scope="col">Persistence</th>
            {canEdit ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.active ? "up" : "down"}</td>
              <td><ClusterLink href={`/virtual-servers/${r.id}`}>{r.name}</ClusterLink></td>
              <td>{r.vip}</td>
              <td>{r.port}</td>
              <td>{r.firewallMark ?? "—"}</td>
              <td>{r.protocol}</td>
              <td>{r.scheduler}</td>
              <td>{r.persistenceTimeout > 0 ? `${r.persistenceTimeout} s` : "off"}</td>
              {canEdit ? <td><VirtualServerRowActions id={r.id} version={r.version} name={r.name} active={r.active} /></td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
