// Focusing the field a link points at (diagnostic links end in #FIELD-ID).

/** Scrolls to and focuses the element with this id; a disabled input hands focus to its field row when `orRow` is set. */
export function focusField(id: string, orRow = false): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  // ":disabled" also covers inputs inside a disabled fieldset (forms stay locked until hydrated).
  const disabled = el.matches(":disabled");
  if (disabled && !orRow) return false;
  const target = disabled ? (el.closest(".field") as HTMLElement | null) ?? el : el;
  if (!target.hasAttribute("tabindex") && disabled) target.setAttribute("tabindex", "-1");
  target.scrollIntoView({ block: "center" });
  target.focus({ preventScroll: true });
  return document.activeElement === target;
}

const TRIES = 20;

/** Focuses the field once it can take focus (a form unlocks after hydration); after about two seconds a field that stays disabled (read-only pages) gets its row focused instead. */
export function focusFieldSoon(id: string): void {
  let tries = 0;
  const attempt = () => {
    if (focusField(id, tries >= TRIES) || tries++ >= TRIES) return;
    setTimeout(attempt, 100);
  };
  attempt();
}

/** Focuses the element named by the URL's fragment, if any. */
export function focusFromHash(): void {
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (id) focusFieldSoon(id);
}
