import { downloadClusterDocument } from "@/lib/server/document-transfer";
import { attachment, handleDownload, positiveId } from "@/lib/server/http/download";

/** The cluster's interchange document (version 1 JSON). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleDownload(async () => {
    const file = await downloadClusterDocument(positiveId(id) ?? 0);
    return attachment(file.content, file.filename, "application/json; charset=utf-8");
  });
}
