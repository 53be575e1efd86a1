import { createHash } from "node:crypto";
import type { Diagnostic } from "../lint";
import { deriveModel } from "../model/derive-model";
import type { LvsDocument } from "../schema/document";
import { checkAndRender } from "./check-and-render";

/** One rendered file with its checksum. */
export interface HashedArtifact {
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
  artifacts: HashedArtifact[];
}

/** Hex sha256 of a UTF-8 string. */
export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The document as stored in exports and offered for download: stable key order, two-space indent. */
export function serializeDocument(doc: LvsDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

// The preview and the export both come through here, so what was previewed is
// byte for byte what an export stores and a download serves.
/** Lints and renders every artifact of a document, with checksums; `related` adds findings that need other clusters (router ids). */
export function buildArtifactSet(doc: LvsDocument, related: readonly Diagnostic[] = []): ArtifactSet {
  const documentJson = serializeDocument(doc);
  const checked = checkAndRender(deriveModel(doc), related);
  return {
    documentJson,
    documentSha256: sha256(documentJson),
    diagnostics: checked.diagnostics,
    blocked: checked.blocked,
    artifacts: checked.artifacts.map((a) => ({
      format: a.format, title: a.title, filename: a.filename, text: a.text, sha256: sha256(a.text), withheld: a.withheld,
    })),
  };
}
