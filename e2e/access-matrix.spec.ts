import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser } from "@playwright/test";
import { discoverActions, discoverRoutes, discoverSourceActions, type DiscoveredAction } from "./access-matrix/discover";
import { changedTables, snapshotDatabase } from "./access-matrix/database";
import { ACTIONS, DENIAL_MARKERS, ROUTES, type ActionExpectation, type Caller, type Role } from "./access-matrix/expectations";
import { ACCOUNTS } from "./setup/accounts";
import { E2E_BASE_URL, E2E_DATABASE_FILE } from "./support/env";

// The access matrix (issue 4 item 8): every server action and route handler of
// the production build, called straight over HTTP as each kind of caller. It
// finds the actions itself (build manifest + "use server" sources) and fails on
// any it has no expectation for. A denied call must change no row.

const ROLES: Role[] = ["viewer", "operator", "admin"];
const CALLERS: Caller[] = ["anonymous", ...ROLES];
const ORIGIN = new URL(E2E_BASE_URL).origin;
const SUBREQUEST_VALUES = [
  "middleware:middleware:middleware:middleware:middleware",
  "proxy:proxy:proxy:proxy:proxy",
  "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
];

type OriginMode = "same" | "foreign" | "null" | "none";
interface Cell {
  caller: Caller;
  origin: OriginMode;
  subrequest?: string;
}
interface Outcome {
  status: number;
  body: string;
  redirect: string;
}

const sessions: Partial<Record<Role, string>> = {};
let api: APIRequestContext;

function expectationFor(action: { file: string; exportName: string }): ActionExpectation | undefined {
  return ACTIONS[`${action.file}#${action.exportName}`] ?? ACTIONS[action.exportName];
}

function allows(allow: Role[] | "public", caller: Caller): boolean {
  return allow === "public" || (caller !== "anonymous" && allow.includes(caller));
}

function headersFor(cell: Cell, extra: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = { ...extra };
  if (cell.caller !== "anonymous") headers.cookie = `lvs_session=${sessions[cell.caller]}`;
  if (cell.origin === "same") headers.origin = ORIGIN;
  if (cell.origin === "foreign") headers.origin = "https://attacker.example";
  if (cell.origin === "null") headers.origin = "null";
  if (cell.subrequest) headers["x-middleware-subrequest"] = cell.subrequest;
  return headers;
}

async function callAction(action: DiscoveredAction, args: unknown[], cell: Cell): Promise<Outcome> {
  const response = await api.post(action.pagePath, {
    headers: headersFor(cell, {
      "next-action": action.id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
    }),
    data: JSON.stringify(args),
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const h = response.headers();
  return { status: response.status(), body: await response.text(), redirect: `${h["x-action-redirect"] ?? ""} ${h.location ?? ""}` };
}

/** The no-JavaScript form post (multipart, `$ACTION_ID_<id>` field) that progressive enhancement uses. */
async function callActionAsForm(action: DiscoveredAction, fields: Record<string, string>, cell: Cell): Promise<number> {
  const response = await api.post(action.pagePath, {
    headers: headersFor(cell, {}),
    multipart: { [`$ACTION_ID_${action.id}`]: "", ...fields },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  return response.status();
}

/** Flattens an object probe into form fields (the shape a plain HTML form would send). */
function formFields(args: unknown[]): Record<string, string> {
  const first = args.find((a) => typeof a === "object" && a !== null) as Record<string, unknown> | undefined;
  return Object.fromEntries(Object.entries(first ?? {}).map(([k, v]) => [k, String(v)]));
}

const authDenied = (o: Outcome) => DENIAL_MARKERS.some((m) => o.body.includes(m)) || /\/login\b/.test(o.redirect);

function describeCell(name: string, args: unknown[], cell: Cell): string {
  return `${name}(${JSON.stringify(args).slice(1, -1) || ""}) as ${cell.caller}, origin=${cell.origin}${cell.subrequest ? `, x-middleware-subrequest=${cell.subrequest}` : ""}`;
}

/** Runs one cell and returns what went wrong, if anything. */
async function checkActionCell(action: DiscoveredAction, expectation: ActionExpectation, args: unknown[], cell: Cell): Promise<string | null> {
  const label = describeCell(action.exportName, args, cell);
  const before = snapshotDatabase(E2E_DATABASE_FILE);
  const outcome = await callAction(action, args, cell);
  const changed = changedTables(before, snapshotDatabase(E2E_DATABASE_FILE));
  const csrf = cell.origin === "foreign" || cell.origin === "null";
  if (csrf) {
    if (outcome.status < 400) return `${label}: cross-origin call was not rejected (HTTP ${outcome.status}) ${outcome.body.slice(0, 200)}`;
    if (changed.length) return `${label}: cross-origin call changed ${changed.join(", ")}`;
    return null;
  }
  if (allows(expectation.allow, cell.caller)) {
    // Public actions (login, logout) may redirect to /login; only an authorization message is a denial there.
    const denied = expectation.allow === "public" ? DENIAL_MARKERS.some((m) => outcome.body.includes(m)) : authDenied(outcome);
    if (denied) return `${label}: expected allowed, was denied: ${outcome.body.slice(0, 200)}`;
    if (outcome.status >= 500) return `${label}: allowed call crashed (HTTP ${outcome.status}): ${outcome.body.slice(0, 300)}`;
    return null;
  }
  if (!authDenied(outcome)) {
    // Anything but an authorization denial means the action ran (or validated, or crashed) before authorizing.
    return `${label}: NOT DENIED — expected an authorization refusal first, got HTTP ${outcome.status}: ${outcome.body.slice(0, 300)}`;
  }
  if (changed.length) return `${label}: denied but changed ${changed.join(", ")}`;
  return null;
}

function cellsFor(): Cell[] {
  return [
    ...CALLERS.map((caller): Cell => ({ caller, origin: "same" })),
    { caller: "admin", origin: "foreign" },
    { caller: "admin", origin: "null" },
    { caller: "anonymous", origin: "none" },
    { caller: "viewer", origin: "none" },
    ...SUBREQUEST_VALUES.map((subrequest): Cell => ({ caller: "anonymous", origin: "same", subrequest })),
    { caller: "viewer", origin: "same", subrequest: SUBREQUEST_VALUES[0] },
  ];
}

async function signInFresh(browser: Browser, role: Role): Promise<string> {
  const context = await browser.newContext({ baseURL: E2E_BASE_URL, storageState: { cookies: [], origins: [] } });
  try {
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Username").fill(ACCOUNTS[role].username);
    await page.getByLabel("Password").fill(ACCOUNTS[role].password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/c\/\d+-[^/?#]+$/);
    const cookie = (await context.cookies()).find((c) => c.name === "lvs_session");
    if (!cookie) throw new Error(`no session cookie for ${role}`);
    return cookie.value;
  } finally {
    await context.close();
  }
}

test.beforeAll(async ({ browser }) => {
  // Own sessions, not the saved storage states: the matrix signs them out.
  for (const role of ROLES) sessions[role] = await signInFresh(browser, role);
  api = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: {} });
});

test.afterAll(async () => {
  await api?.dispose();
});

test("[matrix] every server action and route handler has an expectation", () => {
  const built = discoverActions();
  const declared = discoverSourceActions();
  const unlisted = [
    ...built.filter((a) => !expectationFor(a)).map((a) => `action ${a.exportName} (${a.file}, built)`),
    ...declared.filter((a) => !expectationFor(a)).map((a) => `action ${a.exportName} (${a.file}, source)`),
    ...discoverRoutes().filter((r) => !ROUTES[`${r.method} ${r.appPath}`]).map((r) => `route ${r.method} ${r.appPath}`),
  ];
  const names = built.map((a) => a.exportName);
  const ambiguous = names.filter((n, i) => names.indexOf(n) !== i && !ACTIONS[`${built[i]!.file}#${n}`]);
  expect(built.length, "the build exposes server actions").toBeGreaterThan(0);
  expect([...new Set(unlisted)], "add these to e2e/access-matrix/expectations.ts").toEqual([]);
  expect(ambiguous, "export names shared by several modules need a file#export key").toEqual([]);
});

test("[matrix] server actions allow exactly the expected callers and denied calls change nothing", async () => {
  test.setTimeout(600_000);
  const actions = discoverActions().filter((a) => expectationFor(a));
  const ordered = [...actions.filter((a) => !expectationFor(a)!.endsSession), ...actions.filter((a) => expectationFor(a)!.endsSession)];
  const failures: string[] = [];
  let cells = 0;
  for (const action of ordered) {
    const expectation = expectationFor(action)!;
    for (const args of [[], ...(expectation.probes ?? [])]) {
      let list = cellsFor();
      // Session-ending actions: cross-origin cells first (they must not run), then the rest.
      if (expectation.endsSession) list = [...list.filter((c) => c.origin === "foreign" || c.origin === "null"), ...list.filter((c) => c.origin !== "foreign" && c.origin !== "null")];
      for (const cell of list) {
        if (cell.caller !== "anonymous" && !sessions[cell.caller]) continue;
        const failure = await checkActionCell(action, expectation, args, cell);
        cells += 1;
        if (failure) failures.push(failure);
      }
      if (expectation.endsSession) for (const role of ROLES) delete sessions[role];
    }
  }
  test.info().annotations.push({ type: "cells", description: `${ordered.length} actions, ${cells} calls` });
  expect(failures).toEqual([]);
});

test("[matrix] denied callers change nothing through the no-JavaScript form post either", async () => {
  test.setTimeout(300_000);
  const failures: string[] = [];
  for (const action of discoverActions()) {
    const expectation = expectationFor(action);
    if (!expectation || expectation.allow === "public") continue;
    for (const caller of CALLERS.filter((c) => !allows(expectation.allow, c) && (c === "anonymous" || sessions[c]))) {
      for (const args of [[], ...(expectation.probes ?? [])]) {
        const before = snapshotDatabase(E2E_DATABASE_FILE);
        const status = await callActionAsForm(action, formFields(args), { caller, origin: "same" });
        const changed = changedTables(before, snapshotDatabase(E2E_DATABASE_FILE));
        if (changed.length) failures.push(`${action.exportName} form post as ${caller} (HTTP ${status}) changed ${changed.join(", ")}`);
      }
    }
  }
  expect(failures).toEqual([]);
});

test("[matrix] route handlers allow exactly the expected callers", async ({ browser }) => {
  for (const role of ROLES) sessions[role] ??= await signInFresh(browser, role);
  const failures: string[] = [];
  for (const route of discoverRoutes()) {
    const expectation = ROUTES[`${route.method} ${route.appPath}`];
    if (!expectation) continue;
    const url = route.appPath.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_m, name: string) => encodeURIComponent(expectation.params?.[name] ?? "1"));
    const cells: Cell[] = [...CALLERS.map((caller): Cell => ({ caller, origin: "same" })), ...SUBREQUEST_VALUES.map((s): Cell => ({ caller: "anonymous", origin: "same", subrequest: s }))];
    for (const cell of cells) {
      const before = snapshotDatabase(E2E_DATABASE_FILE);
      const response = await api.fetch(url, { method: route.method, headers: headersFor(cell, {}), maxRedirects: 0, failOnStatusCode: false });
      const changed = changedTables(before, snapshotDatabase(E2E_DATABASE_FILE));
      const label = `${route.method} ${url} as ${cell.caller}${cell.subrequest ? " with x-middleware-subrequest" : ""}`;
      const status = response.status();
      if (allows(expectation.allow, cell.caller)) {
        if (status === 401 || status === 403 || status >= 500) failures.push(`${label}: expected allowed, got HTTP ${status}`);
      } else {
        const expected = cell.caller === "anonymous" ? 401 : 403;
        if (status !== expected) failures.push(`${label}: expected HTTP ${expected}, got ${status}: ${(await response.text()).slice(0, 200)}`);
        if (changed.length) failures.push(`${label}: denied but changed ${changed.join(", ")}`);
      }
    }
  }
  expect(failures).toEqual([]);
});

test("[anonymous] x-middleware-subrequest does not skip the proxy's redirect", async () => {
  for (const value of SUBREQUEST_VALUES) {
    const response = await api.get("/users", { headers: { "x-middleware-subrequest": value }, maxRedirects: 0, failOnStatusCode: false });
    expect(response.status(), value).toBe(307);
    expect(response.headers().location, value).toMatch(/\/login$/);
  }
});
