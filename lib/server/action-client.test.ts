import { redirect } from "next/navigation";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as z from "zod";

const session = vi.hoisted(() => ({ user: null as null | { userId: number; username: string; role: "viewer" | "operator" | "admin" } }));
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (path: string, type?: string) => revalidated.push(type ? `${path} (${type})` : path) }));
vi.mock("@/lib/server/auth/session", () => ({ getSessionUser: async () => session.user, verifySession: async () => session.user }));
// Grants live in the database; here every user has only their global role.
vi.mock("@/lib/server/auth/cluster-access", async () => {
  const { requirePermission } = await import("./auth/permissions");
  return { requireSomeClusterPermission: requirePermission };
});

const { clusterAction, consoleAction, flagArg, idArg, PANELS, versionArg } = await import("./action-client");
const { runAction } = await import("./run-action");
const { DataError, StaleVersionError } = await import("./data-errors");

const valuesSchema = z.object({ name: z.string().min(1, "required"), port: z.int().max(65535, "at most 65535") });

describe("clusterAction / consoleAction", () => {
  beforeEach(() => {
    session.user = { userId: 1, username: "op", role: "operator" };
    revalidated.length = 0;
  });

  it("authorizes before parsing: a denied caller gets the authorization message and nothing runs", async () => {
    const run = vi.fn(async () => "ran");
    const action = consoleAction({ permission: "user.manage", schema: [valuesSchema] }).action(run);
    expect(await action({ name: "" })).toEqual({ ok: false, message: "Your role does not allow this action." });
    session.user = null;
    expect(await action(undefined)).toEqual({ ok: false, message: "Your session has ended. Sign in again." });
    expect(run).not.toHaveBeenCalled();
    expect(revalidated).toEqual([]);
  });

  it("parses each argument in order and hands the parsed values and the user to the action", async () => {
    const action = clusterAction({ permission: "virtualServer.write", schema: [idArg(), versionArg(), valuesSchema, flagArg()], revalidate: [PANELS] })
      .action(async ([id, version, values, flag], { user }) => ({ id, version, values, flag, by: user.username }));
    expect(await action(7, 3, { name: "web", port: 80, extra: 1 }, true)).toEqual({
      ok: true, data: { id: 7, version: 3, values: { name: "web", port: 80 }, flag: true, by: "op" },
    });
    expect(revalidated).toEqual(["/ (layout)"]);
  });

  it("refuses bad ids and versions by name, and form values field by field, running nothing", async () => {
    const run = vi.fn(async () => "ran");
    const action = clusterAction({ permission: "virtualServer.write", schema: [idArg("cluster"), versionArg(), valuesSchema], revalidate: [PANELS] }).action(run);
    expect(await action(0, 1, { name: "a", port: 1 })).toEqual({ ok: false, message: "Invalid cluster." });
    expect(await action(1, 1.5, { name: "a", port: 1 })).toEqual({ ok: false, message: "Invalid version." });
    expect(await action(1, 1, { name: "", port: 70000 })).toEqual({
      ok: false, message: "Nothing was saved: fix the fields marked below.", fieldErrors: { name: "required", port: "at most 65535" },
    });
    expect(run).not.toHaveBeenCalled();
    expect(revalidated).toEqual([]);
  });

  it("turns a stale version into the stable code with the typed current values", async () => {
    const current = { values: { name: "theirs" }, version: 4 };
    const action = clusterAction({ permission: "virtualServer.write", revalidate: [PANELS] }).action<typeof current>(async () => {
      throw new StaleVersionError("virtual server", current);
    });
    const result = await action();
    expect(result).toEqual({ ok: false, code: "stale_version", message: expect.stringContaining("changed by someone else"), current });
    expect(revalidated).toEqual([]);
  });

  it("passes data refusals on with their field errors, and hides unexpected errors", async () => {
    const refused = clusterAction({ permission: "cluster.read" }).action(async () => {
      throw new DataError("taken", { fieldErrors: { name: "taken" }, current: { secret: 1 } });
    });
    expect(await refused()).toEqual({ ok: false, message: "taken", fieldErrors: { name: "taken" } });
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const crashed = clusterAction({ permission: "cluster.read" }).action(async () => {
      throw new Error("SQLITE_BUSY at /var/lib/secret");
    });
    expect(await crashed()).toEqual({ ok: false, message: "The change could not be saved because of an unexpected server error. Nothing was saved." });
    spy.mockRestore();
  });

  it("revalidates what the result says when the declaration is a function", async () => {
    const action = clusterAction({ permission: "cluster.read", schema: [flagArg()], revalidate: (created: boolean) => (created ? ["/exports"] : []) })
      .action(async ([created]) => created);
    await action(false);
    expect(revalidated).toEqual([]);
    await action(true);
    expect(revalidated).toEqual(["/exports"]);
  });

  it("lets Next's redirect through", async () => {
    const action = consoleAction({ permission: "account.update" }).action(async () => redirect("/login"));
    await expect(action()).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });

  it("runAction, kept for actions written before the builder, answers the same way", async () => {
    expect(await runAction(async () => 5)).toEqual({ ok: true, data: 5 });
    expect(await runAction(async () => { throw new StaleVersionError("bundle", { version: 2 }); })).toMatchObject({ code: "stale_version", current: { version: 2 } });
  });
});
