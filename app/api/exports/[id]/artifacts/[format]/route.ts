import { getFormat, isFormatName, type FormatName } from "@/lib/domain/render";
import { downloadExportArtifact } from "@/lib/server/exports";
import { attachment, handleDownload, notFound, positiveId } from "@/lib/server/http/download";

/** One artifact of an export, byte for byte as stored when it was exported. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; format: string }> }) {
  const { id, format } = await params;
  return handleDownload(async () => {
    const exportId = positiveId(id) ?? 0;
    // Unknown names still go through the data function, so authorization comes before any 404.
    const file = await downloadExportArtifact(exportId, isFormatName(format) ? format : "");
    if (!file) return notFound("artifact");
    return attachment(file.content, `export-${exportId}-${file.filename}`, getFormat(format as FormatName).mediaType, file.sha256);
  });
}
