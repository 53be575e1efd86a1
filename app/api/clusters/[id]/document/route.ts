import { downloadClusterDocument } from "@/lib/server/document-transfer";
import { attachment, handleDownload, headOnly, positiveId } from "@/lib/server/http/download";

async function serve(params: Promise<{ id: string }>, record: boolean): Promise<Response> {
  const { id } = await params;
  return handleDownload(async () => {
    const file = await downloadClusterDocument(positiveId(id) ?? 0, { record });
    return attachment(file.content, file.filename, "application/json; charset=utf-8");
  });
}

/** The cluster's interchange document (version 1 JSON). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return serve(params, true);
}

/** The same answer without a body: nothing is delivered, so no download is recorded. */
export async function HEAD(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return headOnly(await serve(params, false));
}
