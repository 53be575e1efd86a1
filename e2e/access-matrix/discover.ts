import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));

export interface DiscoveredAction {
  id: string;
  file: string;
  exportName: string;
  /** A URL path of a page whose bundle includes the action. */
  pagePath: string;
}

export interface DiscoveredRoute {
  method: string;
  /** App path with dynamic segments, e.g. /api/exports/[id]/archive */
  appPath: string;
}

function readJson<T>(rel: string): T {
  const file = path.join(REPO, rel);
  if (!existsSync(file)) throw new Error(`${rel} is missing: run \`npm run build\` before the access matrix`);
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

/** Page entry ("app/(console)/users/page") → URL path ("/users"), from the build's route manifest. */
function pageRoutes(): Map<string, string> {
  const manifest = readJson<Record<string, string>>(".next/app-path-routes-manifest.json");
  return new Map(Object.entries(manifest).map(([entry, route]) => [`app${entry}`, route]));
}

/** Every server action the production build can execute, from .next/server/server-reference-manifest.json. */
export function discoverActions(): DiscoveredAction[] {
  const manifest = readJson<{ node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }> }>(
    ".next/server/server-reference-manifest.json",
  );
  const routes = pageRoutes();
  return Object.entries(manifest.node).map(([id, entry]) => {
    // Prefer a page without dynamic segments; otherwise fill them with "1".
    const pages = Object.keys(entry.workers)
      .map((w) => routes.get(w))
      .filter((r): r is string => r !== undefined)
      .sort((a, b) => Number(a.includes("[")) - Number(b.includes("[")) || a.length - b.length);
    const pagePath = pages[0]?.replace(/\[(?:\.\.\.)?\w+\]/g, "1");
    if (!pagePath) throw new Error(`no page serves action ${entry.exportedName} (${entry.filename})`);
    return { id, file: entry.filename, exportName: entry.exportedName, pagePath };
  });
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!["node_modules", "generated", ".next"].includes(entry.name)) walk(full, out);
    } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

/**
 * Server actions declared in the sources ("use server" modules and their async
 * exports), built or not: a new action must be listed before any page uses it.
 */
export function discoverSourceActions(): { file: string; exportName: string }[] {
  const found: { file: string; exportName: string }[] = [];
  for (const file of [...walk(path.join(REPO, "app")), ...walk(path.join(REPO, "lib"))]) {
    const text = readFileSync(file, "utf8");
    if (!/^\s*(["'])use server\1;?/m.test(text.split("\n").slice(0, 5).join("\n"))) continue;
    for (const m of text.matchAll(/^export\s+(?:async\s+function\s+(\w+)|const\s+(\w+)\s*=)/gm)) {
      found.push({ file: path.relative(REPO, file), exportName: (m[1] ?? m[2])! });
    }
  }
  return found;
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** Route handlers from the build's route manifest, with the HTTP methods their source exports. */
export function discoverRoutes(): DiscoveredRoute[] {
  const manifest = readJson<Record<string, string>>(".next/app-path-routes-manifest.json");
  const found: DiscoveredRoute[] = [];
  for (const [entry, route] of Object.entries(manifest)) {
    if (!entry.endsWith("/route")) continue;
    const dir = path.join(REPO, "app", entry.slice(0, -"/route".length));
    const source = ["route.ts", "route.tsx", "route.js"].map((f) => path.join(dir, f)).find(existsSync);
    if (!source) throw new Error(`no source for route ${entry}`);
    const text = readFileSync(source, "utf8");
    const methods = METHODS.filter((m) => new RegExp(`export\\s+(?:async\\s+function\\s+${m}\\b|const\\s+${m}\\b|\\{[^}]*\\b${m}\\b)`).test(text));
    if (methods.length === 0) throw new Error(`route ${entry} exports no HTTP method the matrix recognises`);
    for (const method of methods) found.push({ method, appPath: route });
  }
  return found;
}
