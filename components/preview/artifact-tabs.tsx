"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import type { ArtifactPreview } from "@/lib/server/preview";

/** Tabs over the rendered artifacts, each with its text, checksum and diff against the last export. */
export function ArtifactTabs({ artifacts }: { artifacts: ArtifactPreview[] }) {
  const [selected, setSelected] = useState(0);
  const [showDiff, setShowDiff] = useState(false);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const base = useId();
  const current = artifacts[selected];

  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    const next = (selected + step + artifacts.length) % artifacts.length;
    setSelected(next);
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
            onClick={() => setSelected(i)}
          >
            {a.title}
            {a.changed ? " •" : ""}
          </button>
        ))}
      </div>
      {current && (
        <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${selected}`}>
          <p className="muted">
            <code>{current.filename}</code> · sha256 <code>{current.sha256}</code> ·{" "}
            {current.diff === null ? "not exported before" : current.changed ? "changed since the last export" : "same as the last export"}
          </p>
          {current.diff !== null && current.changed && (
            <label>
              <input type="checkbox" checked={showDiff} onChange={(e) => setShowDiff(e.target.checked)} /> Show the diff against the last
              export
            </label>
          )}
          <pre className="artifact" tabIndex={0} aria-label={`${current.title} ${showDiff && current.diff ? "diff" : "text"}`}>
            {showDiff && current.diff ? current.diff : current.text}
          </pre>
        </div>
      )}
    </section>
  );
}
