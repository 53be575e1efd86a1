// Universal (client and server): the colour theme an operator picked.

/** Cookie that holds the chosen theme; absent means "follow the system". */
export const THEME_COOKIE = "lvs_theme";

/** Themes an operator can choose. */
export const THEMES = ["system", "light", "dark"] as const;
/** A theme choice. */
export type Theme = (typeof THEMES)[number];

/** The theme a cookie value names; anything else follows the system. */
export function parseTheme(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "system";
}
