import { describe, expect, it } from "vitest";
import type { LvsDocument } from "../schema";
import { changedScriptFields, scriptCarriersOf } from "./script-fields";

type Vs = LvsDocument["virtualServers"][number];
const vs = (name: string, extra: Partial<Vs> = {}) => ({ name, vip: "192.0.2.1", port: 80, realServers: [], ...extra }) as unknown as Vs;

describe("scriptCarriersOf", () => {
  it("keeps only the virtual servers with a root script, with their document position and nothing but the script fields", () => {
    const doc = {
      virtualServers: [
        vs("plain", { healthCheck: { type: "tcp" } } as Partial<Vs>),
        vs("checked", { healthCheck: { type: "misc", script: "/usr/local/bin/check %h", timeoutSeconds: 5 } } as Partial<Vs>),
        vs("monitored", { monitor: { send: "GET /", expect: "OK", sendProgram: "/bin/probe %h" } } as Partial<Vs>),
        vs("both", { healthCheck: { type: "misc", script: "/a" }, monitor: { sendProgram: "/b" } } as Partial<Vs>),
        vs("sendonly", { monitor: { send: "GET /", expect: "OK" } } as Partial<Vs>),
      ],
    };
    expect(scriptCarriersOf(doc)).toEqual([
      { index: 1, name: "checked", healthCheck: { script: "/usr/local/bin/check %h" } },
      { index: 2, name: "monitored", monitor: { sendProgram: "/bin/probe %h" } },
      { index: 3, name: "both", healthCheck: { script: "/a" }, monitor: { sendProgram: "/b" } },
    ]);
  });

  it("finds nothing in a document without scripts", () => {
    expect(scriptCarriersOf({ virtualServers: [vs("a"), vs("b", { healthCheck: { type: "http", path: "/" } } as Partial<Vs>)] })).toEqual([]);
  });

  it("gives changedScriptFields what it compares: a carrier is as good as its virtual server", () => {
    const full = vs("x", { healthCheck: { type: "misc", script: "/new" }, monitor: { send: "s", sendProgram: "/p" } } as Partial<Vs>);
    const [carrier] = scriptCarriersOf({ virtualServers: [full] });
    const before = { healthCheck: { script: "/old" }, monitor: { sendProgram: "/p" } };
    expect(changedScriptFields(before, carrier!)).toEqual(changedScriptFields(before, full));
    expect(changedScriptFields(before, carrier!)).toEqual(["healthCheck.script"]);
    expect(changedScriptFields(undefined, carrier!)).toEqual(["healthCheck.script", "monitor.sendProgram"]);
  });
});
