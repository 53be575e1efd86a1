import { modelOf, type ModelInput } from "../model/derive-model";
import { checkBundleOverlap, checkBundlePorts, checkFtp, checkMarkUse, checkUnusedBundles } from "./check-bundles";
import { checkNames, checkNatRouter, checkRealServers } from "./check-cluster";
import { checkKeepalivedMonitor, checkKeepalivedVrrp, checkLvsCfHealth, checkScripts } from "./check-director";
import { checkLvsCf } from "./check-lvs-cf";
import { checkDuplicateServices, checkMarkBundles, checkShadowed, checkSharedMarks, checkSplitPersistence } from "./check-services";
import type { Diagnostic, Severity } from "./codes";
import type { DerivedModel } from "./context";

const CHECKS: ((model: DerivedModel) => Diagnostic[])[] = [
  checkNatRouter, checkNames, checkMarkUse, checkBundleOverlap, checkMarkBundles, checkSharedMarks, checkDuplicateServices,
  checkRealServers, checkUnusedBundles, checkShadowed, checkSplitPersistence, checkFtp, checkLvsCf, checkBundlePorts,
  checkLvsCfHealth, checkKeepalivedMonitor, checkKeepalivedVrrp, checkScripts,
];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Every diagnostic of a validated document (or its derived model): errors first, then warnings, then notes; stable order within. */
export function lintDocument(input: ModelInput): Diagnostic[] {
  const model = modelOf(input);
  return CHECKS.flatMap((check) => check(model))
    .map((d, i) => ({ d, i }))
    .sort((a, b) => RANK[a.d.severity] - RANK[b.d.severity] || a.i - b.i)
    .map(({ d }) => d);
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** One human-readable line per diagnostic: `error BUNDLE_OVERLAP firewallMarks[1].ports[0]: …`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.severity} ${d.code} ${d.path}: ${d.message}`;
}
