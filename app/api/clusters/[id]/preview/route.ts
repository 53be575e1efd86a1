import { handleDownload, notFound, positiveId } from "@/lib/server/http/download";
import { previewClusterPageTagged } from "@/lib/server/preview";

/**
 * The Preview & export page's data (diagnostics, checksums, the install
 * script's text): JSON with an ETag on the preview cache key, so a reload of an
 * unchanged cluster is a 304 that renders nothing.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleDownload(async () => {
    const found = await previewClusterPageTagged(positiveId(id) ?? 0, request.headers.get("if-none-match"));
    // The browser revalidates every time (no-cache): the ETag, not an age, says whether it is current.
    const headers = { "Cache-Control": "private, no-cache", "X-Content-Type-Options": "nosniff" };
    if (found === "unchanged") return new Response(null, { status: 304, headers });
    if (!found) return notFound("cluster");
    return Response.json(found.preview, { headers: { ...headers, ETag: found.etag } });
  });
}
