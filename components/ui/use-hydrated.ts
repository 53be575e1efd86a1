"use client";

import { useEffect, useState } from "react";

/** False during server render and until React has hydrated; controls stay disabled until their handlers exist. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
