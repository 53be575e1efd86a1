import "server-only";
import { parseDocumentText, type LvsDocument } from "@/lib/domain/schema";
import { DataError, NotFoundError } from "./data-errors";
import { db } from "./db";
import { toExportSummary, type ExportSummary } from "./exports";

/** An export as restore and compare read it: its summary, its document and its stored artifacts. */
export interface StoredExport {
  summary: ExportSummary;
  clusterId: number;
  doc: LvsDocument;
  artifacts: { format: string; filename: string; content: string }[];
}

/** Reads one export with its document validated again. No authorization: callers check it first. */
export async function readStoredExport(exportId: number): Promise<StoredExport> {
  const found = await db.export.findUnique({
    where: { id: exportId },
    include: { artifacts: { select: { format: true, filename: true, content: true }, orderBy: { id: "asc" } } },
  });
  if (!found) throw new NotFoundError("export");
  const parsed = parseDocumentText(found.document);
  if (!parsed.ok) throw new DataError(`Export #${exportId} holds a document this version cannot read: ${parsed.lines[0] ?? "invalid"}. Nothing was changed.`);
  return { summary: toExportSummary(found), clusterId: found.clusterId, doc: parsed.doc, artifacts: found.artifacts };
}

/** The document with another serial number: the serial is a counter of saves, not content, so diffs of content leave it out. */
export function withSerial(doc: LvsDocument, serialNo: number): LvsDocument {
  return { ...doc, cluster: { ...doc.cluster, serialNo } };
}
