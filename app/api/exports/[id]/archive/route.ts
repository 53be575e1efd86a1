import { downloadExportBundle } from "@/lib/server/exports";
import { buildArchive } from "@/lib/server/export-archive";
import { attachment, handleDownload, headOnly, notFound, positiveId } from "@/lib/server/http/download";

async function serve(params: Promise<{ id: string }>, record: boolean): Promise<Response> {
  const { id } = await params;
  return handleDownload(async () => {
    const exportId = positiveId(id) ?? 0;
    const found = await downloadExportBundle(exportId, { record });
    if (!found) return notFound("export");
    const folder = `${found.cluster.name}-export-${found.id}`;
    const files = [
      ...found.artifacts.map((a) => ({ name: a.filename, content: a.content })),
      { name: "lvs-console.json", content: found.document },
    ];
    const meta = {
      exportId: found.id, clusterName: found.cluster.name, serialNo: found.serialNo, createdAt: found.createdAt,
      authorName: found.authorName, comment: found.comment,
      installScript: found.artifacts.find((a) => a.format === "install-script")?.filename,
      restoreFile: found.artifacts.find((a) => a.format === "iptables-restore")?.filename,
    };
    return attachment(await buildArchive(folder, meta, files), `${folder}.tar.gz`, "application/gzip");
  });
}

/** Every artifact of an export in a .tar.gz with SHA256SUMS and a README. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return serve(params, true);
}

/** The same answer without a body: nothing is delivered, so no download is recorded. */
export async function HEAD(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return headOnly(await serve(params, false));
}
