"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { DiagnosticTarget } from "@/lib/domain/links/locate-diagnostic";
import { focusFieldSoon } from "@/components/ui/focus-field";

/** A link to the object and field a diagnostic is about; on the same page it focuses the field at once. */
export function DiagnosticLink({ target }: { target: DiagnosticTarget }) {
  const pathname = usePathname();
  const onClick = () => {
    // Next changes the URL of an in-page link without a hashchange event.
    if (pathname === target.page && target.fieldId) setTimeout(() => focusFieldSoon(target.fieldId!), 0);
  };
  return <Link href={target.href} onClick={onClick}>{target.objectName}</Link>;
}
