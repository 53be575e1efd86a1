"use client";

/** The outcome of the last submit, announced politely; errors are alerts. */
export interface FormMessage {
  ok: boolean;
  text: string;
}

/** An always-present live region so screen readers hear each result. */
export function FormStatus({ message }: { message: FormMessage | null }) {
  return (
    <div aria-live="polite">
      {message ? <p role={message.ok ? "status" : "alert"} className={`alert ${message.ok ? "ok" : "error"}`}>{message.text}</p> : null}
    </div>
  );
}
