import type { ReactNode } from "react";

/** Shows its content as values, not inputs, with one line saying why, when `reason` is set; as it is otherwise. */
export function ReadOnlyArea({ reason, children }: { reason: string | null; children: ReactNode }) {
  if (reason === null) return <>{children}</>;
  return (
    <div className="read-only">
      <p className="alert warning read-only-notice">{reason}</p>
      {children}
    </div>
  );
}
