import type { Metadata } from "next";
import { ClusterLink } from "@/components/ui/cluster-link";
import { BundleActions } from "@/components/firewall-marks/bundle-actions";
import { BUNDLE_PRESETS } from "@/lib/domain/schema/enums";
import { listFirewallMarks } from "@/lib/server/firewall-marks";
import { loadPanelContext, type ClusterRouteParams } from "@/lib/server/panel-page";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Firewall marks" };

export default async function FirewallMarksPage({ params }: { params: ClusterRouteParams }) {
  const { cluster, may } = await loadPanelContext(params);
  const bundles = await listFirewallMarks(cluster.id);
  const canEdit = may("firewallMark.write");
  const canCreateVs = may("virtualServer.write");
  return (
    <>
      <h1>Firewall marks <span className="muted">· {cluster.name}</span></h1>
      <p className="muted">
        A bundle marks packets to one VIP on several ports (HTTP 80 + HTTPS 443, FTP 21 + 10000-20000) so one IPVS
        firewall-mark virtual server takes them all.
      </p>
      {canEdit ? (
        <p style={{ display: "flex", gap: ".5rem", flexWrap: "wrap" }}>
          <ClusterLink className="button" href="/firewall-marks/new">Add bundle</ClusterLink>
          {BUNDLE_PRESETS.map((p) => (
            <ClusterLink key={p.id} className="button secondary" href={`/firewall-marks/new?preset=${p.id}`}>
              Add {p.label} bundle ({p.ports.join(", ")} → mark {p.mark})
            </ClusterLink>
          ))}
        </p>
      ) : null}
      {bundles.length === 0 ? <p>No firewall-mark bundles.</p> : (
        <TableScroll label="Firewall-mark bundles">
          <table>
            <caption className="sr-only">Firewall-mark bundles</caption>
            <thead>
              <tr>
                <th scope="col">Mark</th><th scope="col">Name</th><th scope="col">VIP</th><th scope="col">Protocol</th>
                <th scope="col">Ports</th><th scope="col">Used by</th>{canEdit || canCreateVs ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {bundles.map((b) => (
                <tr key={b.id}>
                  <td>{b.values.mark}</td>
                  <td><ClusterLink href={`/firewall-marks/${b.id}`}>{b.values.name}</ClusterLink></td>
                  <td>{b.values.vip} <span className="muted">({b.family})</span></td>
                  <td>{b.values.protocol}</td>
                  <td>{b.values.ports.join(", ")}</td>
                  <td>
                    {b.usedBy.length === 0 ? <span className="muted">none</span> : b.usedBy.map((u, i) => (
                      <span key={u.id}>{i > 0 ? ", " : ""}<ClusterLink href={`/virtual-servers/${u.id}`}>{u.name}</ClusterLink></span>
                    ))}
                  </td>
                  {canEdit || canCreateVs ? (
                    <td>
                      <BundleActions id={b.id} version={b.version} name={b.values.name} mark={b.values.mark} usedBy={b.usedBy}
                        canCreateVirtualServer={canCreateVs} canDelete={canEdit} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
