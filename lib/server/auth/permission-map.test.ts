import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, type Permission } from "./permission-map";
import { ROLES } from "@/lib/domain/roles";

describe("permission map", () => {
  it("gives viewers read and preview only", () => {
    const allowed = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can("viewer", p)).sort();
    expect(allowed).toEqual(["account.update", "cluster.read", "preview.read"]);
  });

  it("gives operators edit, export and download but not users, audit or cluster settings", () => {
    for (const p of ["virtualServer.write", "firewallMark.write", "export.create", "export.download", "document.import"] as const) {
      expect(can("operator", p), p).toBe(true);
    }
    for (const p of ["cluster.write", "user.manage", "audit.read", "script.write"] as const) expect(can("operator", p), p).toBe(false);
  });

  it("gives admins everything, and every permission at least to admins", () => {
    for (const p of Object.keys(PERMISSIONS) as Permission[]) expect(can("admin", p), p).toBe(true);
  });

  it("is monotonic: a higher role holds everything a lower one does", () => {
    for (const p of Object.keys(PERMISSIONS) as Permission[]) {
      for (let i = 0; i < ROLES.length - 1; i += 1) {
        if (can(ROLES[i]!, p)) expect(can(ROLES[i + 1]!, p), `${ROLES[i + 1]} ${p}`).toBe(true);
      }
    }
  });
});
