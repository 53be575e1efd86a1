// Render benchmark: lint + every renderer in one process on a generated document.
// Usage: node --import tsx bench/render.ts <doc.json> <runs>  → prints JSON {median, runs[], peakRssMb, bytes}
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { lintDocument } from "../lib/domain/lint";
import { deriveModel } from "../lib/domain/model/derive-model";
import { renderAll } from "../lib/domain/render";
import { parseDocument } from "../lib/domain/schema";

const [file, runsArg] = process.argv.slice(2);
if (!file) throw new Error("usage: render.ts <doc.json> [runs]");
const runs = Math.max(1, Math.min(20, Number(runsArg ?? 5)));
const parsed = parseDocument(JSON.parse(readFileSync(file, "utf8")));
if (!parsed.ok) throw new Error(`invalid document: ${parsed.lines.slice(0, 3).join("; ")}`);

// Parse is timed apart: the figure is lint + renderers, which the preview and CLI share.
const times: number[] = [];
// CPU time of the process (all threads, GC helpers included): steadier than wall time on a busy machine.
const cpu: number[] = [];
const phases: Record<string, number[]> = {};
let bytes = 0;
for (let i = 0; i < runs; i++) {
  // A fresh copy per run (untimed): the preview builds a new document for every
  // request. The model is derived once and read by lint and every renderer, as
  // checkAndRender (preview, export, CLI) does; its time counts in the lint phase.
  const doc = structuredClone(parsed.doc);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const model = deriveModel(doc);
  const diagnostics = lintDocument(model);
  const t1 = performance.now();
  const artifacts = renderAll(model);
  const t2 = performance.now();
  times.push(t2 - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  (phases.lint ??= []).push(t1 - t0);
  (phases.render ??= []).push(t2 - t1);
  bytes = artifacts.reduce((n, a) => n + a.text.length, 0) + diagnostics.length;
}
// Per-format split on one extra run, for the notes.
const perFormat: Record<string, number> = {};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const { FORMATS, renderArtifact } = await import("../lib/domain/render");
for (const f of FORMATS) {
  const doc = structuredClone(parsed.doc);
  const t = performance.now();
  renderArtifact(f.name, doc);
  perFormat[f.name] = Math.round((performance.now() - t) * 10) / 10;
}
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({
  median: median(times), runs: times, cpuMedian: median(cpu), lintMedian: median(phases.lint ?? []), renderMedian: median(phases.render ?? []),
  perFormat, peakRssMb, bytes,
}));
