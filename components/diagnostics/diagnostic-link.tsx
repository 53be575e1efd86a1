"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { MouseEvent } from "react";
import type { DiagnosticTarget } from "@/lib/domain/links/locate-diagnostic";
import { focusFieldSoon } from "@/components/ui/focus-field";
import { useClusterHref } from "@/components/ui/cluster-link";

/** A link to the object and field a diagnostic is about; on the object's own page it focuses the field in place. */
export function DiagnosticLink({ target }: { target: DiagnosticTarget }) {
  const pathname = usePathname();
  const to = useClusterHref();
  const fieldId = target.fieldId;
  const href = to(target.href);
  if (pathname !== to(target.page) || !fieldId) return <Link href={href}>{target.objectName}</Link>;
  // Same page: a plain in-page link, focused by hand (an unchanged fragment fires no hashchange).
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    window.history.replaceState(window.history.state, "", href);
    focusFieldSoon(fieldId);
  };
  return <a href={href} onClick={onClick}>{target.objectName}</a>;
}
