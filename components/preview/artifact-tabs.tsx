"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import { DiffLayoutToggle, TextDiffView } from "@/components/diff/text-diff-view";
import type { TextDiff } from "@/lib/domain/diff/text-diff";
import { previewArtifactAction } from "@/lib/server/actions/preview";
import type { ArtifactPreview } from "@/lib/server/preview";

type Loaded = Record<string, { text: string; diff: TextDiff | null }>;

/** Tabs over the rendered artifacts, each with its text, checksum and diff against the last export; texts load when a tab opens. */
export function ArtifactTabs({ clusterId, documentSha256, artifacts }: {
  clusterId: number;
  documentSha256: string;
  artifacts: ArtifactPreview[];
}) {
  const [selected, setSelected] = useState(0);
  const [showDiff, setShowDiff] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>(() =>
    Object.fromEntries(artifacts.filter((a) => a.text !== null).map((a) => [a.format, { text: a.text!, diff: a.diff }])),
  );
  const [loadError, setLoadError] = useState<string | null>(null);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const base = useId();
  const current = artifacts[selected];
  const body = current ? loaded[current.format] : undefined;

  const open = async (index: number) => {
    setSelected(index);
    const artifact = artifacts[index];
    if (!artifact || loaded[artifact.format]) return;
    const r = await previewArtifactAction(clusterId, artifact.format);
    if (!r.ok) return setLoadError(r.message);
    if (r.data.documentSha256 !== documentSha256) {
      setLoadError("The configuration changed since this page was rendered: use Refresh preview.");
    }
    setLoaded((prev) => ({ ...prev, [artifact.format]: { text: r.data.text ?? "", diff: r.data.diff } }));
  };

  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    const next = (selected + step + artifacts.length) % artifacts.length;
    void open(next);
    tabs.current[next]?.focus();
  };

  return (
    <section className="panel" aria-label="Artifacts">
      <div role="tablist" aria-label="Artifact" className="tabs" onKeyDown={onKeyDown}>
        {artifacts.map((a, i) => (
          <button
            key={a.format}
            ref={(el) => { tabs.current[i] = el; }}
            role="tab"
            type="button"
            id={`${base}-tab-${i}`}
            aria-selected={i === selected}
            aria-controls={`${base}-panel`}
            tabIndex={i === selected ? 0 : -1}
            className={i === selected ? "" : "secondary"}
            onClick={() => void open(i)}
          >
            {a.title}
            {a.withheld.length > 0 ? " (withheld)" : a.changed && a.exportedBefore ? " (changed)" : ""}
          </button>
        ))}
      </div>
      {loadError && <p role="alert" className="alert warning">{loadError}</p>}
      {current && (
        <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${selected}`}>
          <p className="muted">
            <code>{current.filename}</code> · sha256 <code>{current.sha256}</code> ·{" "}
            {!current.exportedBefore ? "not exported before" : current.changed ? "changed since the last export" : "unchanged since the last export (generated header lines aside)"}
          </p>
          {current.withheld.length > 0 && (
            <div className="alert error">
              <p>Not exported: an export leaves this file out until these errors are fixed.</p>
              <ul>{current.withheld.map((m) => <li key={m}>{m}</li>)}</ul>
            </div>
          )}
          {current.changed && current.exportedBefore && (
            <label>
              <input type="checkbox" checked={showDiff} onChange={(e) => setShowDiff(e.target.checked)} /> Show the diff against the last
              export
            </label>
          )}
          {showDiff && body?.diff ? (
            <>
              <DiffLayoutToggle />
              <TextDiffView diff={body.diff} title={current.title} beforeLabel="last export" afterLabel="preview" />
            </>
          ) : (
            <pre className="artifact" tabIndex={0} aria-label={`${current.title} text`} aria-busy={!body}>
              {body ? body.text : "Rendering…"}
            </pre>
          )}
        </div>
      )}
    </section>
  );
}
