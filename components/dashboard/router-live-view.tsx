import { ClusterLink } from "@/components/ui/cluster-link";
import type { RouterLiveView } from "@/lib/server/router-states";
import { TableScroll } from "@/components/ui/table-scroll";

const at = (iso: string) => `${iso.replace("T", " ").slice(0, 19)} UTC`;
const n = (v: number | undefined) => (v === undefined ? "–" : v.toLocaleString("en-US"));

function Holder({ view }: { view: RouterLiveView }) {
  if (view.vipsHeld === null) return <>addresses not collected</>;
  if (view.vipsTotal === 0) return <>the document has no VIP</>;
  const all = view.vipsHeld.length === view.vipsTotal;
  return <>{all ? "holds every VIP" : view.vipsHeld.length === 0 ? "holds no VIP" : `holds ${view.vipsHeld.length} of ${view.vipsTotal} VIPs`}{view.vipsHeld.length > 0 && !all ? ` (${view.vipsHeld.join(", ")})` : ""}</>;
}

/** Each router's last uploaded state as it was at collection time: VIP holder, daemons, IPVS per real server. */
export function RouterLiveViews({ views }: { views: RouterLiveView[] }) {
  if (views.length === 0) return <p className="muted">No router state uploaded yet: run collect-state.sh on a router and upload the file it writes.</p>;
  return (
    <>
      {views.map((v) => (
        <section key={v.summary.router} aria-labelledby={`live-${v.summary.router}`}>
          <h3 id={`live-${v.summary.router}`}>{v.summary.router} router <span className="muted">· {v.summary.host}</span></h3>
          <p>
            As collected at <time dateTime={v.summary.collectedAt}>{at(v.summary.collectedAt)}</time> (uploaded by {v.summary.uploaderName}): <Holder view={v} />;
            daemons: {v.daemons === null ? "not collected" : v.daemons.length === 0 ? "none running" : v.daemons.join(", ")};{" "}
            <ClusterLink href="/drift">{v.drift.findings === 0 ? "no drift" : `${v.drift.findings} difference${v.drift.findings === 1 ? "" : "s"} from the model`}</ClusterLink>
            {v.drift.notCompared > 0 ? `, ${v.drift.notCompared} part(s) not compared` : ""}.
          </p>
          {v.ipvs.ok ? (
            <TableScroll label={`IPVS on the ${v.summary.router} router`}>
              <table>
                <caption>IPVS on the {v.summary.router} router</caption>
                <thead>
                  <tr><th scope="col">Service / real server</th><th scope="col">Forward</th><th scope="col">Weight</th><th scope="col">Active conns</th><th scope="col">Inactive conns</th><th scope="col">Conns total</th><th scope="col">Conns/s</th><th scope="col">In bytes/s</th><th scope="col">Out bytes/s</th></tr>
                </thead>
                <tbody>
                  {v.ipvs.services.flatMap((s) => [
                    <tr key={s.service}><th scope="row" colSpan={5}>{s.service} {s.scheduler ?? ""} {s.flags ?? ""}</th><td>{n(s.connections)}</td><td>{n(s.connectionsPerSecond)}</td><td colSpan={2} /></tr>,
                    ...s.realServers.map((r) => (
                      <tr key={`${s.service} ${r.address}`}>
                        <td>→ {r.address}</td><td>{r.forward ?? "–"}</td><td>{n(r.weight)}</td><td>{n(r.activeConnections)}</td><td>{n(r.inactiveConnections)}</td>
                        <td>{n(r.connections)}</td><td>{n(r.connectionsPerSecond)}</td><td>{n(r.inBytesPerSecond)}</td><td>{n(r.outBytesPerSecond)}</td>
                      </tr>
                    )),
                  ])}
                </tbody>
              </table>
            </TableScroll>
          ) : <p className="muted">IPVS: {v.ipvs.reason}</p>}
        </section>
      ))}
    </>
  );
}
