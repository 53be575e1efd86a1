// Calls a server action over HTTP the way the browser does: POST to the page
// with the action id from the build's server-reference manifest.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { timedFetch, type Timed } from "./http";

/** The action id of an exported server action, from .next/server/server-reference-manifest.json. */
export function actionId(appDir: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(join(appDir, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName);
  if (!hit) throw new Error(`server action ${exportedName} is not in the build`);
  return hit[0];
}

/** What an action's RSC response said: ok, a refusal message, or nothing recognisable. */
export interface ActionOutcome extends Timed {
  ok: boolean | null;
  message: string | null;
  /** A refusal's stable code ("stale_version"), when it has one. */
  code: string | null;
}

/** POSTs one server action call; args are sent as the JSON array the React client encodes. */
export async function callAction(base: string, page: string, id: string, cookie: string, args: unknown[]): Promise<ActionOutcome> {
  const r = await timedFetch(`${base}${page}`, {
    method: "POST",
    headers: {
      "Next-Action": id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: base,
      Cookie: cookie,
    },
    body: JSON.stringify(args),
  });
  const okMatch = /"ok":(true|false)/.exec(r.body);
  const refused = okMatch?.[1] === "false";
  const message = refused ? (/"message":"((?:[^"\\]|\\.)*)"/.exec(r.body)?.[1] ?? null) : null;
  const code = refused ? (/"code":"([a-z_]+)"/.exec(r.body)?.[1] ?? null) : null;
  return { ...r, ok: okMatch ? okMatch[1] === "true" : null, message, code };
}
