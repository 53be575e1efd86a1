import { describe, expect, it } from "vitest";
import { fieldChanges, recordedName } from "./field-changes";

describe("audit field changes", () => {
  it("lists only changed fields, nested with dotted paths and list indexes", () => {
    const before = JSON.stringify({ name: "web", weight: 1, persistence: { timeoutSeconds: 300 }, ports: ["80", "443"] });
    const after = JSON.stringify({ name: "web", weight: 0, persistence: { timeoutSeconds: 600 }, ports: ["80"] });
    expect(fieldChanges(before, after)).toEqual([
      { path: "weight", before: "1", after: "0" },
      { path: "persistence.timeoutSeconds", before: "300", after: "600" },
      { path: "ports[1]", before: "443", after: undefined },
    ]);
  });

  it("shows every field of a create (no before) and of a delete (no after)", () => {
    expect(fieldChanges(null, JSON.stringify({ name: "a", active: true }))).toEqual([
      { path: "name", before: undefined, after: "a" },
      { path: "active", before: undefined, after: "true" },
    ]);
    expect(fieldChanges(JSON.stringify({ name: "a" }), null)).toEqual([{ path: "name", before: "a", after: undefined }]);
    expect(fieldChanges(null, null)).toEqual([]);
  });

  it("keeps text that is not JSON (clamped rows) as one value", () => {
    expect(fieldChanges("{\"name\":\"x\"…", null)).toEqual([{ path: "(value)", before: "{\"name\":\"x\"…", after: undefined }]);
  });

  it("names the object as recorded: after a rename the new name, after a delete the old one", () => {
    expect(recordedName(JSON.stringify({ name: "old" }), JSON.stringify({ name: "new" }))).toBe("new");
    expect(recordedName(JSON.stringify({ name: "gone" }), null)).toBe("gone");
    expect(recordedName(null, JSON.stringify({ username: "alice", role: "viewer" }))).toBe("alice");
    expect(recordedName(null, JSON.stringify([1, 2]))).toBeUndefined();
    expect(recordedName("not json", null)).toBeUndefined();
  });
});
