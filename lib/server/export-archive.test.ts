import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildArchive } from "./export-archive";

describe("buildArchive", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "lvs-archive-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("packs the files with SHA256SUMS that sha256sum -c accepts, an executable script and install notes", async () => {
    const files = [
      { name: "install-marks.sh", content: "#!/usr/bin/env bash\nset -euo pipefail\n" },
      { name: "iptables", content: "*mangle\nCOMMIT\n" },
    ];
    const meta = { exportId: 7, clusterName: "edge", serialNo: 12, createdAt: new Date("2026-01-02T03:04:05Z"), authorName: "op",
      comment: "release", installScript: "install-marks.sh", restoreFile: "iptables" };
    const archive = await buildArchive("edge-export-7", meta, files);
    writeFileSync(path.join(dir, "a.tar.gz"), archive);
    execFileSync("tar", ["-xzf", "a.tar.gz"], { cwd: dir });
    const folder = path.join(dir, "edge-export-7");
    expect(execFileSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: folder, encoding: "utf8" })).toBe(
      "install-marks.sh: OK\niptables: OK\n",
    );
    expect(statSync(path.join(folder, "install-marks.sh")).mode & 0o777).toBe(0o755);
    const readme = readFileSync(path.join(folder, "README.txt"), "utf8");
    expect(readme).toContain("iptables-apply -t 60 iptables");
    expect(readme).toContain("bash install-marks.sh");
    expect(readme).toContain("bash apply.sh --timeout 60");
    expect(readme).toContain("comment: release");
    // The persistent files also hold the filter table: the README must say merge, never replace.
    expect(readme).toMatch(/never replace them with this restore file/);
    expect(readme).toContain("iptables-restore --noflush iptables");
    expect(readme).not.toMatch(/copy the restore file to/i);
  });

  it("is deterministic for the same export", async () => {
    const meta = { exportId: 1, clusterName: "c", serialNo: 1, createdAt: new Date(0), authorName: "a", comment: "" };
    const files = [{ name: "x", content: "y\n" }];
    expect(Buffer.compare(await buildArchive("f", meta, files), await buildArchive("f", meta, files))).toBe(0);
  });
});
