import { errorsFor, lintDocument, type Diagnostic } from "../lint";
import { modelOf, type ModelInput } from "../model/derive-model";
import { FORMAT_NAMES, renderSome, type FormatName, type RenderedArtifact } from "../render/registry";

/** A rendered artifact with the errors about its format alone. */
export interface CheckedArtifact extends RenderedArtifact {
  /** Errors about this format alone (e.g. lvs.cf without a device): the artifact is previewed but never exported or printed. */
  withheld: Diagnostic[];
}

/** A document's diagnostics and the artifacts asked for. */
export interface CheckedArtifacts {
  diagnostics: Diagnostic[];
  /** An error about every artifact: nothing may be exported or printed. */
  blocked: boolean;
  artifacts: CheckedArtifact[];
}

// An error about one format (Piranha refuses the scheduler, lvs.cf needs a
// device) withholds that artifact only: a keepalived router must not be held
// hostage by an lvs.cf it will never run. Generated files run as root, so an
// error about every artifact blocks them all. The preview, the export and the
// CLI decide through here.
/** Lints a document once and renders the chosen formats (all by default); `related` adds findings that need other clusters (router ids). */
export function checkAndRender(input: ModelInput, related: readonly Diagnostic[] = [], formats: readonly FormatName[] = FORMAT_NAMES): CheckedArtifacts {
  const model = modelOf(input);
  const diagnostics = [...lintDocument(model), ...related];
  const artifacts = renderSome(model, formats).map((a) => ({
    ...a, withheld: errorsFor(diagnostics, a.format).filter((d) => d.artifacts !== undefined),
  }));
  return { diagnostics, blocked: diagnostics.some((d) => d.severity === "error" && d.artifacts === undefined), artifacts };
}

/** The errors that keep one artifact from being exported or printed: those about every artifact and those about it. */
export function refusalsFor(checked: CheckedArtifacts, format: FormatName): Diagnostic[] {
  return errorsFor(checked.diagnostics, format);
}
