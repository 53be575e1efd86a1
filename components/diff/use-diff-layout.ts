"use client";

import { useSyncExternalStore } from "react";

/** How diffs are laid out: one column with +/- lines, or the two versions beside each other. */
export type DiffLayout = "unified" | "side-by-side";

const KEY = "lvs-console.diff-layout";
const EVENT = "lvs-console:diff-layout";

function read(): DiffLayout {
  try {
    return window.localStorage.getItem(KEY) === "side-by-side" ? "side-by-side" : "unified";
  } catch {
    return "unified";
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(EVENT, onChange);
  };
}

// Remembered per browser (localStorage); every diff on the page and in other tabs follows a change at once.
/** The operator's diff layout and a setter that remembers it. */
export function useDiffLayout(): [DiffLayout, (next: DiffLayout) => void] {
  const layout = useSyncExternalStore(subscribe, read, () => "unified" as const);
  const set = (next: DiffLayout) => {
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      // Storage refused (private mode): the layout stays unified.
    }
    window.dispatchEvent(new Event(EVENT));
  };
  return [layout, set];
}
