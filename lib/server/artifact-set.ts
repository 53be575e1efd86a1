import "server-only";

// The lint + render + hash of a document lives in lib/domain (the CLI shares
// it); the server reads it through here under the names it always had.
export {
  buildArtifactSet, serializeDocument, sha256, type ArtifactSet, type HashedArtifact as RenderedArtifact,
} from "@/lib/domain/artifacts/artifact-set";
