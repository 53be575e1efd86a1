import "server-only";
import { AuthorizationError, authorizationErrorResponse } from "../auth/permissions";
import { DataError } from "../data-errors";

/** A file download: attachment disposition, never cached, never sniffed. */
export function attachment(body: string | Uint8Array, filename: string, mediaType: string, sha256?: string): Response {
  const headers: Record<string, string> = {
    "Content-Type": mediaType,
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
  if (sha256) headers["X-Content-SHA256"] = sha256;
  return new Response(typeof body === "string" ? body : new Uint8Array(body), { headers });
}

/** A HEAD answer: the status and headers a GET would get, without the body. */
export function headOnly(response: Response): Response {
  return new Response(null, { status: response.status, headers: response.headers });
}

/** Parses a positive integer path segment, or null. */
export function positiveId(text: string): number | null {
  return /^[1-9]\d{0,9}$/.test(text) ? Number(text) : null;
}

/** A plain 404. */
export const notFound = (what: string) => Response.json({ message: `${what} not found` }, { status: 404 });

/** Runs a route handler body, mapping authorization and data refusals to 401/403/404 responses. */
export async function handleDownload(body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof AuthorizationError) return authorizationErrorResponse(error);
    if (error instanceof DataError) return Response.json({ message: error.message }, { status: 404 });
    throw error;
  }
}
