import "server-only";
import { createHash } from "node:crypto";
import { errorsFor, lintDocument, type Diagnostic } from "@/lib/domain/lint";
import { renderAll } from "@/lib/domain/render";
import type { LvsDocument } from "@/lib/domain/schema";

/** One rendered file with its checksum. */
export interface RenderedArtifact {
  format: string;
  title: string;
  filename: string;
  text: string;
  sha256: string;
  /** Errors about this format alone (e.g. lvs.cf without a device): the artifact is previewed but never exported. */
  withheld: Diagnostic[];
}

/** Everything derived from one document: the artifacts the preview shows and an export stores. */
export interface ArtifactSet {
  documentJson: string;
  documentSha256: string;
  diagnostics: Diagnostic[];
  /** An error about every artifact: nothing may be exported. */
  blocked: boolean;
  artifacts: RenderedArtifact[];
}

/** Hex sha256 of a UTF-8 string. */
export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The document as stored in exports and offered for download: stable key order, two-space indent. */
export function serializeDocument(doc: LvsDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

// An error about one format (Piranha refuses the scheduler, lvs.cf needs a
// device) withholds that artifact only: a keepalived router must not be held
// hostage by an lvs.cf it will never run.
// The preview and the export both come through here, so what was previewed is
// byte for byte what an export stores and a download serves.
/** Lints and renders every artifact of a document; `related` adds findings that need other clusters (router ids). */
export function buildArtifactSet(doc: LvsDocument, related: readonly Diagnostic[] = []): ArtifactSet {
  const documentJson = serializeDocument(doc);
  const diagnostics = [...lintDocument(doc), ...related];
  const artifacts = renderAll(doc).map((a) => ({
    format: a.format, title: a.title, filename: a.filename, text: a.text, sha256: sha256(a.text),
    withheld: errorsFor(diagnostics, a.format).filter((d) => d.artifacts !== undefined),
  }));
  return {
    documentJson,
    documentSha256: sha256(documentJson),
    diagnostics,
    blocked: diagnostics.some((d) => d.severity === "error" && d.artifacts === undefined),
    artifacts,
  };
}
