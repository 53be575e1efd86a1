import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The audit trail is append-only: no code may update or delete its rows.
function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!["node_modules", "generated"].includes(entry.name)) sources(full, out);
    } else if (/\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) out.push(full);
  }
  return out;
}

describe("audit trail", () => {
  it("is never updated or deleted by application code", () => {
    const offenders = ["app", "lib", "bin", "scripts"]
      .flatMap((dir) => { try { return sources(path.join(process.cwd(), dir)); } catch { return []; } })
      .filter((file) => {
        const text = readFileSync(file, "utf8");
        return /auditEvent\s*\.\s*(update|updateMany|upsert|delete|deleteMany)\b/.test(text) || /(UPDATE|DELETE\s+FROM)\s+"?AuditEvent"?/i.test(text);
      })
      .map((file) => path.relative(process.cwd(), file));
    expect(offenders).toEqual([]);
  });
});
