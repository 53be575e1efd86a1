"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { focusFromHash } from "./focus-field";

/** After every page load or navigation, focuses the field the URL's #fragment names (links from diagnostics). */
export function FocusFromHash() {
  const pathname = usePathname();
  useEffect(() => {
    focusFromHash();
    window.addEventListener("hashchange", focusFromHash);
    return () => window.removeEventListener("hashchange", focusFromHash);
  }, [pathname]);
  return null;
}
