import type * as z from "zod";

/** Formats an issue path the way operators read it: `firewallMarks[0].ports[1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(document)" : out;
}

/** One line per issue: `path: what is wrong; allowed: …`. */
export function formatIssues(error: z.ZodError | readonly z.core.$ZodIssue[]): string[] {
  const issues = Array.isArray(error) ? error : (error as z.ZodError).issues;
  return issues.map((issue: z.core.$ZodIssue) => `${formatPath(issue.path)}: ${issue.message}`);
}
