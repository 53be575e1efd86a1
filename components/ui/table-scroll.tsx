import type { ReactNode } from "react";

/**
 * The one way a table is shown: inside a region that scrolls sideways when the table is wider than the
 * screen. The region is named and reachable with the keyboard, so a table of plain text that scrolls can
 * still be scrolled without a mouse (axe's scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
