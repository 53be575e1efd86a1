"use client";

import { useId } from "react";
import { toSideBySide, type DiffHunk, type DiffLine, type TextDiff } from "@/lib/domain/diff/text-diff";
import { TableScroll } from "@/components/ui/table-scroll";
import { useDiffLayout, type DiffLayout } from "./use-diff-layout";

const SIGN: Record<DiffLine["kind"], string> = { context: " ", removed: "−", added: "+" };
const SAID: Record<DiffLine["kind"], string> = { context: "", removed: "removed: ", added: "added: " };

function Text({ line }: { line: DiffLine | undefined }) {
  if (!line) return <td className="diff-text diff-empty" />;
  return <td className={`diff-text diff-${line.kind}`}><span className="sr-only">{SAID[line.kind]}</span><span aria-hidden="true">{SIGN[line.kind]} </span>{line.text}</td>;
}

function Unified({ hunk }: { hunk: DiffHunk }) {
  return hunk.lines.map((l, i) => (
    <tr key={i}>
      <td className="diff-no">{l.oldNo ?? ""}</td>
      <td className="diff-no">{l.newNo ?? ""}</td>
      <Text line={l} />
    </tr>
  ));
}

function SideBySide({ hunk }: { hunk: DiffHunk }) {
  return toSideBySide(hunk).map((r, i) => (
    <tr key={i}>
      <td className="diff-no">{r.left?.oldNo ?? ""}</td>
      <Text line={r.left} />
      <td className="diff-no">{r.right?.newNo ?? ""}</td>
      <Text line={r.right} />
    </tr>
  ));
}

/** The one layout switch of every diff: unified or side by side, remembered in this browser. */
export function DiffLayoutToggle() {
  const [layout, setLayout] = useDiffLayout();
  const name = useId();
  const option = (value: DiffLayout, label: string) => (
    <label><input type="radio" name={name} value={value} checked={layout === value} onChange={() => setLayout(value)} /> {label}</label>
  );
  return (
    <fieldset className="diff-layout">
      <legend>Diff layout</legend>
      {option("unified", "Unified")} {option("side-by-side", "Side by side")}
    </fieldset>
  );
}

/** The one diff view: what changed in a text between two versions, coloured, unified or side by side; "unchanged" when nothing did. */
export function TextDiffView({ diff, title, beforeLabel, afterLabel }: { diff: TextDiff; title: string; beforeLabel: string; afterLabel: string }) {
  const [layout] = useDiffLayout();
  const ignored = diff.ignoredLines > 0 ? ` Generated header lines (serial number) differ in ${diff.ignoredLines} line${diff.ignoredLines === 1 ? "" : "s"} and are not compared.` : "";
  if (diff.unchanged) return <p className="diff-summary"><strong>unchanged</strong> between {beforeLabel} and {afterLabel}.{ignored}</p>;
  const side = layout === "side-by-side";
  return (
    <div className="text-diff" data-layout={layout}>
      <p className="diff-summary">
        <span className="change-removed">−{diff.removed}</span> <span className="change-added">+{diff.added}</span> lines from {beforeLabel} to {afterLabel}.{ignored}
      </p>
      <TableScroll label={`${title}: ${beforeLabel} to ${afterLabel}, ${side ? "side by side" : "unified"}`}>
        <table className="diff">
          <caption className="sr-only">{title}: changes from {beforeLabel} to {afterLabel}</caption>
          <thead>
            {side
              ? <tr><th scope="col">line</th><th scope="col">{beforeLabel}</th><th scope="col">line</th><th scope="col">{afterLabel}</th></tr>
              : <tr><th scope="col">{beforeLabel}</th><th scope="col">{afterLabel}</th><th scope="col">text</th></tr>}
          </thead>
          {diff.hunks.map((h) => (
            <tbody key={`${h.oldStart}-${h.newStart}`}>
              <tr className="diff-hunk"><td colSpan={side ? 4 : 3}>lines {h.oldStart} ({beforeLabel}) and {h.newStart} ({afterLabel})</td></tr>
              {side ? <SideBySide hunk={h} /> : <Unified hunk={h} />}
            </tbody>
          ))}
        </table>
      </TableScroll>
    </div>
  );
}
