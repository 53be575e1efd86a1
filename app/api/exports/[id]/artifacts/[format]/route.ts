import { getFormat, isFormatName, type FormatName } from "@/lib/domain/render";
import { downloadExportArtifact } from "@/lib/server/exports";
import { attachment, handleDownload, headOnly, notFound, positiveId } from "@/lib/server/http/download";

type Params = Promise<{ id: string; format: string }>;

async function serve(params: Params, record: boolean): Promise<Response> {
  const { id, format } = await params;
  return handleDownload(async () => {
    const exportId = positiveId(id) ?? 0;
    // Unknown names still go through the data function, so authorization comes before any 404.
    const file = await downloadExportArtifact(exportId, isFormatName(format) ? format : "", { record });
    if (!file) return notFound("artifact");
    return attachment(file.content, `export-${exportId}-${file.filename}`, getFormat(format as FormatName).mediaType, file.sha256);
  });
}

/** One artifact of an export, byte for byte as stored when it was exported. */
export async function GET(_request: Request, { params }: { params: Params }) {
  return serve(params, true);
}

/** The same answer without a body: nothing is delivered, so no download is recorded. */
export async function HEAD(_request: Request, { params }: { params: Params }) {
  return headOnly(await serve(params, false));
}
