/** The landing page's confirmation of what was just created (the form that created it is gone). */
export function CreatedNotice({ text }: { text: string | null }) {
  if (text === null) return null;
  return <p role="status" className="alert ok">{text}</p>;
}
