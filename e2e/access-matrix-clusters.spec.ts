import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser } from "@playwright/test";
import { discoverActions, type DiscoveredAction } from "./access-matrix/discover";
import { changedTables, queryDatabase as query, snapshotDatabase } from "./access-matrix/database";
import { DENIAL_MARKERS } from "./access-matrix/expectations";
import { ACCOUNTS, submitCreateUser, submitLogin } from "./setup/accounts";
import { E2E_BASE_URL, E2E_DATABASE_FILE } from "./support/env";

// The access matrix per cluster (issue 12 items 1 and 2): one user is operator
// on edge-1, viewer on dmz (their global role) and sees nothing of lab. Every
// cluster-scoped action and download is called over HTTP for each cluster:
// allowed where the role suffices, "forbidden" where the cluster is visible but
// the role falls short, "not found" where it is hidden; a refused call changes
// no row. The grants are set on the users page, as an admin would.

test.use({ storageState: ACCOUNTS.admin.state });

const TEAM = { username: "team-e2e", password: "team-e2e-Passw0rd!" };
const NOT_FOUND = "no longer exists";
type Level = "viewer" | "operator" | "admin";
type ClusterKey = "edge" | "dmz" | "lab";
const ROLE_OF_TEAM: Record<ClusterKey, Level | "none"> = { edge: "operator", dmz: "viewer", lab: "none" };
const RANK: Record<Level | "none", number> = { none: 0, viewer: 1, operator: 2, admin: 3 };
const NAMES: Record<ClusterKey, string> = { edge: "edge-1", dmz: "dmz", lab: "lab" };

/** Cluster-scoped actions: the arguments for a cluster and the least role that may run them there. */
const SCOPED: { action: string; need: Level; args: (id: number) => unknown[] }[] = [
  { action: "selectClusterAction", need: "viewer", args: (id) => [id] },
  { action: "previewClusterAction", need: "viewer", args: (id) => [id] },
  { action: "previewArtifactAction", need: "viewer", args: (id) => [id, "install-script"] },
  { action: "createFirewallMarkAction", need: "operator", args: (id) => [id, { mark: 4343, name: `m${id}`, vip: "192.0.2.43", protocol: "tcp", ports: ["4343"] }] },
  { action: "createVirtualServerAction", need: "operator", args: (id) => [id, { name: `vs${id}`, vip: "192.0.2.44", port: 80, protocol: "tcp" }] },
  { action: "exportClusterAction", need: "operator", args: (id) => [{ clusterId: id, comment: "matrix" }] },
  { action: "updateGlobalSettingsAction", need: "admin", args: (id) => [id, 1, {}] },
  { action: "updateRedundancyAction", need: "admin", args: (id) => [id, 1, {}] },
  { action: "renameClusterAction", need: "admin", args: (id) => [id, 1, { name: `renamed-${id}` }] },
  { action: "deleteClusterAction", need: "admin", args: (id) => [id, 999_999] },
];

const ids = {} as Record<ClusterKey, number>;
let api: APIRequestContext;
let actions: Map<string, DiscoveredAction>;
let teamCookie = "";
let adminCookie = "";


async function call(name: string, args: unknown[], cookie: string): Promise<{ status: number; body: string }> {
  const action = actions.get(name);
  if (!action) throw new Error(`action ${name} is not in the build`);
  const response = await api.post(action.pagePath, {
    headers: { cookie, origin: new URL(E2E_BASE_URL).origin, "next-action": action.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: JSON.stringify(args),
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  return { status: response.status(), body: await response.text() };
}

/** The no-JavaScript form post of the upload form: FormData { clusterId, document }. */
async function postImport(clusterId: number, document: object, cookie: string): Promise<number> {
  const action = actions.get("importDocumentAction")!;
  const response = await api.post(action.pagePath, {
    headers: { cookie, origin: new URL(E2E_BASE_URL).origin },
    multipart: {
      [`$ACTION_ID_${action.id}`]: "",
      clusterId: String(clusterId),
      document: { name: "doc.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(document)) },
    },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  return response.status();
}

async function sessionCookie(browser: Browser, username: string, password: string): Promise<string> {
  const context = await browser.newContext({ baseURL: E2E_BASE_URL, storageState: { cookies: [], origins: [] } });
  try {
    const page = await context.newPage();
    await submitLogin(page, username, password);
    await expect(page).toHaveURL(/\/c\/\d+-[^/?#]+$/);
    const cookie = (await context.cookies()).find((c) => c.name === "lvs_session");
    if (!cookie) throw new Error(`no session cookie for ${username}`);
    return `lvs_session=${cookie.value}`;
  } finally {
    await context.close();
  }
}

/** team-e2e's session (signed in again when a failed test restarted the worker). */
async function team(browser: Browser): Promise<string> {
  teamCookie ||= await sessionCookie(browser, TEAM.username, TEAM.password);
  return teamCookie;
}

const doc = (name: string, publicIp: string) => ({ version: 1, cluster: { name, primary: { publicIp }, network: "direct" } });

test.beforeAll(async ({ browser }) => {
  api = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  actions = new Map(discoverActions().map((a) => [a.exportName, a]));
  adminCookie = await sessionCookie(browser, ACCOUNTS.admin.username, ACCOUNTS.admin.password);
  for (const key of ["edge", "dmz", "lab"] as const) {
    await call("createClusterAction", [{ name: NAMES[key], primary: { publicIp: "192.0.2.1" } }], adminCookie);
    const [row] = query<{ id: number }>(`SELECT id FROM "Cluster" WHERE name = ?`, NAMES[key]);
    if (!row) throw new Error(`cluster ${NAMES[key]} was not created`);
    ids[key] = row.id;
    // A direct-routing cluster exports without lint errors.
    expect(await postImport(ids[key], doc(NAMES[key], "192.0.2.1"), adminCookie)).toBeLessThan(500);
  }
  await call("exportClusterAction", [{ clusterId: ids.lab, comment: "lab" }], adminCookie);
});

test.afterAll(async () => {
  await api?.dispose();
});

test("[admin] grants roles per cluster on the users page", async ({ page, browser }) => {
  const form = await submitCreateUser(page, TEAM.username, "viewer", TEAM.password);
  await expect(form.getByRole("status").or(form.getByRole("alert"))).toBeVisible();
  await page.reload();
  for (const [key, role] of [["edge", "operator"], ["lab", "none"]] as const) {
    const select = page.getByLabel(`Role of ${TEAM.username} on ${NAMES[key]}`);
    await select.selectOption(role);
    await expect(select).toBeEnabled();
    await expect.poll(() => query(`SELECT g.role FROM "ClusterGrant" g JOIN "User" u ON u.id = g.userId WHERE u.username = ? AND g.clusterId = ?`, TEAM.username, ids[key])).toEqual([{ role }]);
  }
  await team(browser);
});

test("[team] the cluster switcher lists only the visible clusters", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: E2E_BASE_URL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await submitLogin(page, TEAM.username, TEAM.password);
  await expect(page).toHaveURL(/\/c\/\d+-[^/?#]+$/);
  const switcher = page.getByRole("navigation", { name: "Cluster switcher" });
  await switcher.locator("summary").click();
  const options = await switcher.getByRole("listitem").allInnerTexts();
  expect(options).toContain("edge-1");
  expect(options).toContain("dmz");
  expect(options).not.toContain("lab");

  // A hidden cluster's pages are missing pages, whatever name the address gives; visible ones open by address.
  for (const path of ["", "/virtual-servers", "/preview", "/settings"]) {
    for (const segment of [`${ids.lab}-lab`, `${ids.lab}`, `${ids.lab}-edge-1`]) {
      const response = await page.goto(`/c/${segment}${path}`);
      expect(response?.status(), `/c/${segment}${path}`).toBe(404);
      await expect(page.getByRole("main")).not.toContainText("lab");
    }
    const visible = await page.goto(`/c/${ids.edge}-edge-1${path}`);
    expect(visible?.status()).toBe(200);
  }
  await context.close();
});

test("[matrix] cluster-scoped actions follow the role on each cluster; hidden clusters are not found", async ({ browser }) => {
  test.setTimeout(300_000);
  const cookie = await team(browser);
  const failures: string[] = [];
  for (const { action, need, args } of SCOPED) {
    for (const key of ["lab", "dmz", "edge"] as const) {
      const role = ROLE_OF_TEAM[key];
      const label = `${action}(${NAMES[key]}) as team-e2e (${role} there)`;
      const before = snapshotDatabase(E2E_DATABASE_FILE);
      const outcome = await call(action, args(ids[key]), cookie);
      const changed = changedTables(before, snapshotDatabase(E2E_DATABASE_FILE));
      const denied = DENIAL_MARKERS.some((m) => outcome.body.includes(m));
      // A permission held on no cluster is refused before any lookup: the same 403 for every cluster id, revealing nothing.
      const heldSomewhere = Object.values(ROLE_OF_TEAM).some((r) => RANK[r] >= RANK[need]);
      if (role === "none" && heldSomewhere) {
        if (!outcome.body.includes(NOT_FOUND) || denied) failures.push(`${label}: expected "not found", got ${outcome.status} ${outcome.body.slice(-200)}`);
        if (changed.length) failures.push(`${label}: changed ${changed.join(", ")}`);
      } else if (RANK[role] < RANK[need]) {
        if (!denied) failures.push(`${label}: expected a denial, got ${outcome.status} ${outcome.body.slice(-200)}`);
        if (changed.length) failures.push(`${label}: changed ${changed.join(", ")}`);
      } else if (denied || outcome.body.includes(NOT_FOUND) || outcome.status >= 500) {
        failures.push(`${label}: expected allowed, got ${outcome.status} ${outcome.body.slice(-200)}`);
      }
    }
  }
  expect(failures).toEqual([]);
});

test("[matrix] downloads answer 404 for a hidden cluster, 403 where the role falls short, 200 where it suffices", async ({ browser }) => {
  const cookie = await team(browser);
  const [labExport] = query<{ id: number }>(`SELECT id FROM "Export" WHERE clusterId = ? ORDER BY id DESC LIMIT 1`, ids.lab);
  const expected: [string, number][] = [
    [`/api/clusters/${ids.lab}/document`, 404],
    [`/api/exports/${labExport!.id}/archive`, 404],
    [`/api/exports/${labExport!.id}/artifacts/lvs.cf`, 404],
    [`/api/clusters/${ids.dmz}/document`, 403],
    [`/api/clusters/${ids.edge}/document`, 200],
  ];
  for (const method of ["GET", "HEAD"]) {
    for (const [url, status] of expected) {
      const before = snapshotDatabase(E2E_DATABASE_FILE);
      const response = await api.fetch(url, { method, headers: { cookie }, maxRedirects: 0, failOnStatusCode: false });
      expect(response.status(), `${method} ${url}`).toBe(status);
      if (status !== 200 || method === "HEAD") expect(changedTables(before, snapshotDatabase(E2E_DATABASE_FILE)), `${method} ${url}`).toEqual([]);
    }
  }
});

test("[matrix] an import by the operator of edge-1 leaves its cluster settings as they were; dmz and lab refuse it", async ({ browser }) => {
  const cookie = await team(browser);
  const settings = (id: number) => query(`SELECT name, primaryPublicIp, backupEnabled, backupPublicIp, network FROM "Cluster" WHERE id = ?`, id);
  const before = settings(ids.edge);
  const uploaded = {
    ...doc("edge-1", "198.51.100.66"),
    cluster: { ...doc("edge-1", "198.51.100.66").cluster, backup: { enabled: true, publicIp: "198.51.100.67" } },
    virtualServers: [{ name: "imported", vip: "192.0.2.90", port: 80, protocol: "tcp" }],
  };
  expect(await postImport(ids.edge, uploaded, cookie)).toBeLessThan(500);
  expect(settings(ids.edge)).toEqual(before);
  expect(query(`SELECT name FROM "VirtualServer" WHERE clusterId = ?`, ids.edge)).toEqual([{ name: "imported" }]);
  const [audit] = query<{ detail: string }>(`SELECT detail FROM "AuditEvent" WHERE action = 'document.import' AND clusterId = ? ORDER BY id DESC LIMIT 1`, ids.edge);
  expect(audit?.detail).toContain("backup, primary were not applied");
  for (const key of ["dmz", "lab"] as const) {
    const snapshot = snapshotDatabase(E2E_DATABASE_FILE);
    await postImport(ids[key], uploaded, cookie);
    expect(changedTables(snapshot, snapshotDatabase(E2E_DATABASE_FILE)), NAMES[key]).toEqual([]);
  }
});

test("[admin] HEAD on a download records nothing; GET records the download", async () => {
  const count = () => query<{ n: number }>(`SELECT COUNT(*) AS n FROM "AuditEvent" WHERE action = 'document.download'`)[0]!.n;
  const before = count();
  const head = await api.fetch(`/api/clusters/${ids.dmz}/document`, { method: "HEAD", headers: { cookie: adminCookie }, failOnStatusCode: false });
  expect(head.status()).toBe(200);
  expect(count()).toBe(before);
  await api.get(`/api/clusters/${ids.dmz}/document`, { headers: { cookie: adminCookie } });
  expect(count()).toBe(before + 1);
});
