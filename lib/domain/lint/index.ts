// Cross-entity checks of a validated document, as data.
export * from "./codes";
export { formatDiagnostic, hasErrors, lintDocument } from "./lint-document";
export { lintRouterIds } from "./router-ids";
