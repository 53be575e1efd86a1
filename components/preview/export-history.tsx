import { ClusterLink } from "@/components/ui/cluster-link";
import type { ExportHistoryItem } from "@/lib/server/exports";
import { TableScroll } from "@/components/ui/table-scroll";

const PAGE_SIZE = 20;

/** Every export of a cluster, newest first, with each artifact's checksum and download link. */
export function ExportHistory(props: {
  clusterName: string; compareAction: string; items: ExportHistoryItem[]; total: number; page: number; canDownload: boolean; canRestore: boolean;
}) {
  const pages = Math.max(1, Math.ceil(props.total / PAGE_SIZE));
  return (
    <>
      <h1>Export history — {props.clusterName}</h1>
      <p className="muted">{props.total} export(s). <ClusterLink href="/preview">Back to Preview &amp; export</ClusterLink></p>
      {props.items.length > 1 && <CompareForm action={props.compareAction} items={props.items} />}
      {props.items.map((e, i) => (
        <section key={e.id} className="panel" aria-labelledby={`export-${e.id}`}>
          <h2 id={`export-${e.id}`}>
            Export #{e.id} · serial {e.serialNo}
          </h2>
          <p>
            {new Date(e.createdAt).toISOString().replace("T", " ").slice(0, 19)} UTC by {e.authorName}
            {e.comment ? <> — {e.comment}</> : null}
          </p>
          <p className="muted">document sha256 <code>{e.documentSha256}</code></p>
          <TableScroll label={`Artifacts of export ${e.id}`}>
            <table>
              <caption className="sr-only">Artifacts of export {e.id}</caption>
              <thead>
                <tr><th scope="col">File</th><th scope="col">Bytes</th><th scope="col">sha256</th></tr>
              </thead>
              <tbody>
                {e.artifacts.map((a) => (
                  <tr key={a.format}>
                    <td>
                      {props.canDownload ? <a href={`/api/exports/${e.id}/artifacts/${a.format}`}>{a.filename}</a> : a.filename}
                    </td>
                    <td>{a.bytes}</td>
                    <td><code>{a.sha256}</code></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p className="actions">
            {props.canDownload && <><a href={`/api/exports/${e.id}/archive`}>Download all (.tar.gz with SHA256SUMS)</a>{" · "}</>}
            {props.items[i + 1] && <><ClusterLink href={`/exports/compare?before=${props.items[i + 1]!.id}&after=${e.id}`}>Compare with export #{props.items[i + 1]!.id}</ClusterLink>{" · "}</>}
            {props.canRestore && <ClusterLink href={`/exports/${e.id}/restore`}>Restore export #{e.id}…</ClusterLink>}
          </p>
        </section>
      ))}
      {pages > 1 && (
        <nav aria-label="Export history pages">
          {props.page > 1 && <ClusterLink href={`/exports?page=${props.page - 1}`}>Newer</ClusterLink>}{" "}
          Page {props.page} of {pages}{" "}
          {props.page < pages && <ClusterLink href={`/exports?page=${props.page + 1}`}>Older</ClusterLink>}
        </nav>
      )}
    </>
  );
}

/** Pick any two exports of this page to compare (a plain GET form: the comparison has its own address). */
function CompareForm({ action, items }: { action: string; items: ExportHistoryItem[] }) {
  const option = (e: ExportHistoryItem) => <option key={e.id} value={e.id}>#{e.id} · serial {e.serialNo}{e.comment ? ` · ${e.comment.slice(0, 40)}` : ""}</option>;
  return (
    <form className="panel" action={action} method="get" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare two exports</h2>
      <div className="field">
        <label htmlFor="compare-before">Older export</label>
        <select id="compare-before" name="before" defaultValue={items[1]!.id}>{items.map(option)}</select>
      </div>
      <div className="field">
        <label htmlFor="compare-after">Newer export</label>
        <select id="compare-after" name="after" defaultValue={items[0]!.id}>{items.map(option)}</select>
      </div>
      <button type="submit" className="secondary">Compare</button>
    </form>
  );
}
