import Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import { reusingPrepare } from "./sqlite-statements";

vi.mock("server-only", () => ({}));

function setup(capacity?: number) {
  const client = new Database(":memory:");
  client.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER)`);
  const spy = vi.spyOn(client, "prepare");
  return { client, spy, prepare: reusingPrepare(client, capacity) };
}

describe("reusingPrepare", () => {
  it("prepares each SQL text once and binds fresh parameters at every call, as the adapter uses it", () => {
    const { spy, prepare } = setup();
    const insert = "INSERT INTO t (name, n) VALUES (?, ?)";
    expect(prepare(insert).reader).toBe(false);
    expect(prepare(insert).bind(["a", 1]).run().changes).toBe(1);
    expect(prepare(insert).bind(["b", 2]).run().changes).toBe(1);
    const select = "SELECT name, n FROM t WHERE n >= ? ORDER BY n";
    const read = prepare(select).bind([1]);
    expect(read.reader).toBe(true);
    expect(read.columns().map((c) => c.name)).toEqual(["name", "n"]);
    expect(read.raw().all()).toEqual([["a", 1], ["b", 2]]);
    expect(prepare(select).bind([2]).raw().all()).toEqual([["b", 2]]);
    expect(spy.mock.calls.map(([sql]) => sql)).toEqual([insert, select]);
  });

  it("runs a statement without parameters (BEGIN / COMMIT) and reuses it in the next transaction", () => {
    const { client, spy, prepare } = setup();
    for (const name of ["x", "y"]) {
      prepare("BEGIN IMMEDIATE").run();
      prepare("INSERT INTO t (name) VALUES (?)").bind([name]).run();
      prepare("COMMIT").run();
    }
    expect(client.prepare("SELECT count(*) AS c FROM t").get()).toEqual({ c: 2 });
    expect(spy.mock.calls.filter(([sql]) => sql === "BEGIN IMMEDIATE")).toHaveLength(1);
  });

  it("a failed run leaves the statement usable", () => {
    const { prepare } = setup();
    const insert = "INSERT INTO t (id, name) VALUES (?, ?)";
    prepare(insert).bind([1, "a"]).run();
    expect(() => prepare(insert).bind([1, "again"]).run()).toThrow(/UNIQUE/);
    expect(prepare(insert).bind([2, "b"]).run().changes).toBe(1);
  });

  it("keeps at most `capacity` statements, preparing an evicted one again", () => {
    const { spy, prepare } = setup(2);
    const q = (i: number) => `SELECT ${i} AS v`;
    for (const i of [1, 2, 1, 3, 1, 2]) expect(prepare(q(i)).bind([]).raw().all()).toEqual([[i]]);
    // 1, 2 prepared; 1 reused; 3 evicts 2; 1 reused; 2 prepared again.
    expect(spy.mock.calls.map(([sql]) => sql)).toEqual([q(1), q(2), q(3), q(2)]);
  });
});
