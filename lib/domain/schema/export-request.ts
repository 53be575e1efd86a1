import * as z from "zod";

// Printable text on one line: the comment lands in the audit log and the
// archive's README, never in anything executed.
const COMMENT = /^[^\p{Cc}]*$/u;

/** What an operator submits to export a cluster (the export form's schema). */
export const exportRequestSchema = z.object({
  clusterId: z.int().positive(),
  comment: z
    .string()
    .trim()
    .max(500, "comment: at most 500 characters")
    .regex(COMMENT, "comment: one line of text without control characters")
    .default(""),
  /** The document checksum the operator previewed; the export is refused when the model moved on since. */
  previewedDocumentSha256: z.string().regex(/^[0-9a-f]{64}$/, "previewedDocumentSha256: 64 hex digits").optional(),
});

/** An export request after defaults. */
export type ExportRequest = z.output<typeof exportRequestSchema>;
