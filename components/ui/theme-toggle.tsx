"use client";

import { useState, type ChangeEvent } from "react";
import { THEMES, THEME_COOKIE, type Theme } from "@/lib/theme-preference";

const LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** Light, dark or the system's choice; applied at once and remembered in a cookie for the server render. */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  const onChange = (e: ChangeEvent<HTMLSelectElement>) => {
    const next = e.target.value as Theme;
    setTheme(next);
    if (next === "system") {
      delete document.documentElement.dataset.theme;
      document.cookie = `${THEME_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
    } else {
      document.documentElement.dataset.theme = next;
      document.cookie = `${THEME_COOKIE}=${next}; Path=/; Max-Age=31536000; SameSite=Lax`;
    }
  };
  return (
    <label className="theme-toggle">
      <span>Theme</span>
      <select value={theme} onChange={onChange}>
        {THEMES.map((t) => <option key={t} value={t}>{LABELS[t]}</option>)}
      </select>
    </label>
  );
}
