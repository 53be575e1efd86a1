import { execFileSync } from "node:child_process";

/** Why a test cannot run here, or null when it can. */
export type Unmet = string | null;

const isCi = () => process.env.CI === "true" || process.env.CI === "1";

/** Reports whether a system command is on PATH. */
export function hasCommand(name: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Checks that we are root and every named tool exists; returns why not. */
export function unmetRequirements(opts: { root?: boolean; tools?: string[] }): Unmet {
  const reasons: string[] = [];
  if (opts.root && process.getuid?.() !== 0) reasons.push("needs root (network namespaces)");
  const missing = (opts.tools ?? []).filter((t) => !hasCommand(t));
  if (missing.length) reasons.push(`needs ${missing.join(", ")} (apt-get install ${missing.join(" ")})`);
  return reasons.length ? reasons.join("; ") : null;
}

/**
 * Decides whether a suite that needs root or a tool may run. Outside CI an unmet
 * requirement prints why and the suite is skipped; with CI=true it throws, so a
 * skip can never pass for a success there.
 */
export function requireOrSkip(suite: string, opts: { root?: boolean; tools?: string[] }): boolean {
  const unmet = unmetRequirements(opts);
  if (!unmet) return true;
  const message = `[skip] ${suite}: ${unmet}`;
  if (isCi()) throw new Error(`${message} — CI=true forbids skipping`);
  console.warn(message);
  return false;
}
