import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GOLDEN_DIR, loadFixtures } from "@/test/support/domain-fixtures";
import { FORMATS, renderAll, renderArtifact } from "./registry";

// UPDATE_GOLDEN=1 npx vitest run --project unit lib/domain/render/golden.test.ts rewrites the files.
const update = process.env.UPDATE_GOLDEN === "1";
const fixtures = loadFixtures();

describe("golden artifacts", () => {
  for (const fixture of fixtures) {
    describe(fixture.name, () => {
      for (const format of FORMATS) {
        it(`renders ${format.name} exactly`, () => {
          const text = renderArtifact(format.name, fixture.doc);
          const file = join(GOLDEN_DIR, fixture.name, `${format.name}.golden`);
          if (update) {
            mkdirSync(join(GOLDEN_DIR, fixture.name), { recursive: true });
            writeFileSync(file, text);
          }
          expect(existsSync(file), `missing ${file}; run with UPDATE_GOLDEN=1`).toBe(true);
          expect(text).toBe(readFileSync(file, "utf8"));
        });
      }
    });
  }

  it("is deterministic: the same document renders the same bytes", () => {
    for (const fixture of fixtures) {
      expect(renderAll(fixture.doc)).toEqual(renderAll(structuredClone(fixture.doc)));
    }
  });

  it("registers every format with a filename and media type", () => {
    expect(FORMATS.map((f) => f.name)).toEqual([
      "iptables", "install-script", "iptables-restore", "ip6tables-restore", "nftables", "lvs.cf", "keepalived", "keepalived-backup",
      "ipvsadm", "real-server", "router-setup", "collect-state", "apply",
    ]);
    for (const f of FORMATS) {
      expect(f.filename).toMatch(/^[a-z0-9.-]+$/);
      expect(f.mediaType).toMatch(/^text\//);
    }
  });
});
