import "server-only";
import { gzipSync } from "node:zlib";
import { pack } from "tar-stream";
import { sha256 } from "./artifact-set";

/** A file that goes into an export archive. */
export interface ArchiveFile {
  name: string;
  content: string;
}

/** What the archive's README needs to know about the export. */
export interface ArchiveMeta {
  exportId: number;
  clusterName: string;
  serialNo: number;
  createdAt: Date;
  authorName: string;
  comment: string;
  installScript?: string;
  restoreFile?: string;
}

/** The archive's README: what each file is and how to install it, with iptables-apply for automatic rollback. */
export function archiveReadme(meta: ArchiveMeta, files: readonly ArchiveFile[]): string {
  const script = meta.installScript ?? "install-marks.sh";
  const restore = meta.restoreFile ?? "iptables.rules";
  return [
    `LVS Console export #${meta.exportId} of cluster ${meta.clusterName}`,
    `serial ${meta.serialNo}, made ${meta.createdAt.toISOString()} by ${meta.authorName}`,
    ...(meta.comment ? [`comment: ${meta.comment}`] : []),
    "",
    "Files:",
    ...files.map((f) => `  ${f.name}`),
    "  SHA256SUMS",
    "",
    "1. Check the files arrived intact:",
    "     sha256sum -c SHA256SUMS",
    "",
    "2. Load the firewall-mark rules on each LVS router, as root. The script is",
    "   one iptables-restore transaction: it fails as a whole or not at all, and",
    "   running it twice leaves the same rules:",
    `     bash ${script}`,
    "",
    "   Or, from a remote shell, with automatic rollback: iptables-apply loads the",
    "   persistent rules file and restores the previous rules unless you confirm",
    "   within the timeout that you can still reach the router:",
    `     iptables-apply -t 60 ${restore}`,
    "   (iptables-apply replaces only the tables the file names: mangle, and nat",
    "   when active FTP under NAT needs its masquerade rule.)",
    "",
    "   apply.sh does the same for IPv4, IPv6 and nftables together (and",
    "   keepalived.conf with --keepalived): type yes, or run `bash apply.sh --confirm`",
    "   from a second session, within the timeout, or it restores the saved rules:",
    "     bash apply.sh --timeout 60",
    "",
    "3. Make the rules survive a reboot. /etc/sysconfig/iptables (RHEL) and",
    "   /etc/iptables/rules.v4 (Debian, iptables-persistent) also hold your",
    "   filter table: never replace them with this restore file. Merge its",
    "   *mangle (and *nat) blocks into them (in place of earlier LVS-CONSOLE-*",
    "   chains), or load it beside them at boot with",
    `     iptables-restore --noflush ${restore}`,
    "   Or use the nftables file with `nft -f`: it touches only its own table.",
    "",
    "4. Install the LVS service definition the router runs: lvs.cf for",
    "   Piranha/pulse, keepalived.conf on the primary and keepalived-backup.conf",
    "   (as keepalived.conf) on the backup for keepalived, or the ipvsadm rules with",
    "   `ipvsadm-restore < FILE`; for direct routing, apply the real-server",
    "   snippet on every real server.",
    "",
    "5. Prepare each router once, as root: router-setup.sh turns on packet",
    "   forwarding for NAT, loads ip_vs (and ip_vs_ftp for FTP under NAT) at boot",
    "   and enables the balancing daemon and the saved-rule restore at boot.",
    "   Running it again changes nothing:",
    "     bash router-setup.sh",
    "",
    "6. To check that a router runs what was exported, run the read-only",
    "   collect-state.sh on it and upload the file it writes on Control/Monitoring",
    "   (or: lvs-console drift --state FILE DOCUMENT).",
    "",
  ].join("\n");
}

/** Lines of a SHA256SUMS file, as `sha256sum -c` reads them. */
export function sha256Sums(files: readonly ArchiveFile[]): string {
  return files.map((f) => `${sha256(f.content)}  ${f.name}\n`).join("");
}

/** Packs files, SHA256SUMS and a README into a .tar.gz under one top-level folder. */
export async function buildArchive(folder: string, meta: ArchiveMeta, files: readonly ArchiveFile[]): Promise<Buffer> {
  const all = [...files, { name: "SHA256SUMS", content: sha256Sums(files) }, { name: "README.txt", content: archiveReadme(meta, files) }];
  const tar = pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    tar.on("data", (c: unknown) => { chunks.push(c as Buffer); });
    tar.on("end", resolve);
    tar.on("error", reject);
  });
  for (const f of all) {
    tar.entry({
      name: `${folder}/${f.name}`,
      mode: f.name.endsWith(".sh") ? 0o755 : 0o644,
      mtime: meta.createdAt,
      uname: "root",
      gname: "root",
    }, f.content);
  }
  tar.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}
