// Focusing the field a link points at (diagnostic links end in #FIELD-ID).

/** Scrolls to and focuses the element with this id; a disabled input hands focus to its field row. */
export function focusField(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  const target = (el as HTMLInputElement).disabled ? (el.closest(".field") as HTMLElement | null) ?? el : el;
  if (target.tabIndex < 0 && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.scrollIntoView({ block: "center" });
  target.focus({ preventScroll: true });
  return document.activeElement === target;
}

/** Focuses the element named by the URL's fragment, if any. */
export function focusFromHash(): void {
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (id) focusField(id);
}
