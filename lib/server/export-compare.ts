import "server-only";
import { diffArtifactText, type TextDiff } from "@/lib/domain/diff/text-diff";
import { diffDocuments } from "@/lib/domain/import/diff-documents";
import { trimDiff, type TrimmedDiff } from "@/lib/domain/import/trim-diff";
import { FORMATS } from "@/lib/domain/render";
import { requireObjectPermission } from "./cluster-owner";
import { DataError } from "./data-errors";
import { readStoredExport, withSerial } from "./export-documents";
import type { ExportSummary } from "./exports";

/** One artifact of two exports: unchanged (apart from generated header lines), changed, or stored in one export only. */
export interface ArtifactComparison {
  format: string;
  title: string;
  filename: string;
  status: "unchanged" | "changed" | "only-before" | "only-after";
  /** Null when the artifact is in one export only. */
  diff: TextDiff | null;
}

/** Two exports of one cluster side by side: the model, then each artifact. */
export interface ExportComparison {
  clusterId: number;
  before: ExportSummary;
  after: ExportSummary;
  model: TrimmedDiff;
  artifacts: ArtifactComparison[];
}

const titleOf = (format: string) => FORMATS.find((f) => f.name === format)?.title ?? format;

/** Compares two exports of one cluster (viewers may): what changed in the model and in each stored artifact. */
export async function compareExports(beforeId: number, afterId: number): Promise<ExportComparison> {
  await requireObjectPermission("export", beforeId, "preview.read");
  await requireObjectPermission("export", afterId, "preview.read");
  const [before, after] = await Promise.all([readStoredExport(beforeId), readStoredExport(afterId)]);
  if (before.clusterId !== after.clusterId) throw new DataError("Both exports must belong to the same cluster.", { fieldErrors: { after: "an export of the same cluster" } });
  const formats = [...new Set([...before.artifacts, ...after.artifacts].map((a) => a.format))];
  const artifacts = formats.map((format): ArtifactComparison => {
    const a = before.artifacts.find((x) => x.format === format);
    const b = after.artifacts.find((x) => x.format === format);
    const filename = (b ?? a)!.filename;
    if (!a || !b) return { format, title: titleOf(format), filename, status: a ? "only-before" : "only-after", diff: null };
    const diff = diffArtifactText(format, a.content, b.content);
    return { format, title: titleOf(format), filename, status: diff.unchanged ? "unchanged" : "changed", diff };
  });
  return {
    clusterId: before.clusterId,
    before: before.summary,
    after: after.summary,
    model: trimDiff(diffDocuments(withSerial(before.doc, after.doc.cluster.serialNo), after.doc)),
    artifacts,
  };
}
