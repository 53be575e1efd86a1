"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { MouseEvent } from "react";
import type { DiagnosticTarget } from "@/lib/domain/links/locate-diagnostic";
import { focusFieldSoon } from "@/components/ui/focus-field";

/** A link to the object and field a diagnostic is about; on the object's own page it focuses the field in place. */
export function DiagnosticLink({ target }: { target: DiagnosticTarget }) {
  const pathname = usePathname();
  const fieldId = target.fieldId;
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (pathname !== target.page || !fieldId || e.metaKey || e.ctrlKey || e.shiftKey) return;
    // Same page: no navigation (Next would not focus an unchanged fragment), just the field.
    e.preventDefault();
    window.history.replaceState(window.history.state, "", target.href);
    focusFieldSoon(fieldId);
  };
  return <Link href={target.href} onClick={onClick}>{target.objectName}</Link>;
}
