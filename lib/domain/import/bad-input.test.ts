import { describe, expect, it } from "vitest";
import { importFiles, type ImportFile } from "./import-files";
import { memoryReader } from "./include-reader";
import { formatImportMessage } from "./messages";

function errorsOf(files: ImportFile[], reader = memoryReader(new Map(files.map((f) => [f.name, f.text])))) {
  const r = importFiles(files, { reader });
  return { document: r.document, errors: r.messages.filter((m) => m.severity === "error").map(formatImportMessage), invalid: r.invalid };
}

const KEEPALIVED = (body: string) => `virtual_server 192.0.2.10 80 {\n  lvs_sched rr\n${body}}\n`;

describe("bad input: a clear message, nothing imported", () => {
  it("binary junk is named with its place", () => {
    const r = errorsOf([{ name: "junk.bin", text: "\u007fELF\u0002\u0001\u0001\u0000\u0000abc" }]);
    expect(r.document).toBeNull();
    expect(r.errors).toEqual(["junk.bin:1:5: error: binary data (byte 0x02); allowed: a text configuration file"]);
  });

  it("a 50 MB file is refused before it is parsed", () => {
    const r = errorsOf([{ name: "huge.conf", text: "! x\n".repeat(50 * 1024 * 1024 / 4) }]);
    expect(r.document).toBeNull();
    expect(r.errors).toEqual(["huge.conf:1:1: error: file is 50 MiB; allowed: at most 32 MiB of text"]);
  });

  it("a file in no format the import reads is named as such, not half-read", () => {
    const r = errorsOf([{ name: "notes.txt", text: "remember to buy milk\n" }]);
    expect(r.errors).toEqual(["notes.txt:1:1: error: not a format the import reads; allowed: lvs.cf, keepalived, ipvsadm, iptables, nft (or a JSON interchange document)"]);
  });

  it("unbalanced braces in keepalived.conf, nft and lvs.cf point at the brace", () => {
    expect(errorsOf([{ name: "k.conf", text: "virtual_server 192.0.2.10 80 {\n  lvs_sched rr\n" }]).errors)
      .toEqual(["k.conf:1:30: error: this { is never closed; allowed: balanced { }"]);
    expect(errorsOf([{ name: "k.conf", text: `${KEEPALIVED("")}}\n` }]).errors).toEqual(["k.conf:4:1: error: } closes no block; allowed: balanced { }"]);
    expect(errorsOf([{ name: "r.nft", text: "table ip t {\n chain c {\n  type filter hook prerouting priority mangle;\n }\n" }]).errors)
      .toEqual(["r.nft:1:12: error: this brace is never closed; allowed: balanced { }"]);
    expect(errorsOf([{ name: "lvs.cf", text: "serial_no = 1\nvirtual web {\n address = 192.0.2.1 eth0\n" }]).errors)
      .toEqual(["lvs.cf:2:1: error: the { of virtual web is never closed; allowed: balanced { }"]);
  });

  it("include loops are an error naming the cycle", () => {
    const files = [
      { name: "keepalived.conf", text: "global_defs {\n router_id lb\n}\ninclude conf.d/a.conf\n" },
      { name: "conf.d/a.conf", text: "include b.conf\n" },
      { name: "conf.d/b.conf", text: "include a.conf\n" },
    ];
    const r = errorsOf([files[0]!], memoryReader(new Map(files.map((f) => [f.name, f.text]))));
    expect(r.document).toBeNull();
    expect(r.errors).toEqual(["conf.d/b.conf:1:9: error: include a.conf loops back to conf.d/a.conf (keepalived.conf → conf.d/a.conf → conf.d/b.conf → conf.d/a.conf); allowed: includes without cycles"]);
  });

  it("a mark of 2^32 is refused in every format that names marks", () => {
    expect(errorsOf([{ name: "rules", text: "iptables -t mangle -A PREROUTING -d 192.0.2.1/32 -p tcp --dport 80 -j MARK --set-mark 4294967296\n" }]).errors)
      .toEqual(["rules:1:87: error: --set-mark 4294967296 does not fit in 32 bits; allowed: an integer 1-4294967295 (decimal or 0x hex)"]);
    expect(errorsOf([{ name: "ipvs", text: "-A -f 4294967296 -s rr\n" }]).errors)
      .toEqual(["ipvs:1:7: error: firewall mark 4294967296; allowed: an integer 1-4294967295 (decimal or 0x hex)"]);
    expect(errorsOf([{ name: "k.conf", text: "virtual_server fwmark 4294967296 {\n}\n" }]).errors)
      .toEqual(["k.conf:1:1: error: virtual_server fwmark 4294967296: allowed: an integer 1-4294967295 (decimal or 0x hex)"]);
    expect(errorsOf([{ name: "lvs.cf", text: "serial_no = 1\nvirtual w {\n address = 192.0.2.1 eth0:1\n fwmark = 4294967296\n port = 80\n}\n" }]).errors)
      .toEqual(["lvs.cf:4:2: error: fwmark \"4294967296\"; allowed: an integer 0-4294967295"]);
  });

  it("duplicated services are refused with both places", () => {
    expect(errorsOf([{ name: "k.conf", text: `${KEEPALIVED("")}${KEEPALIVED("")}` }]).errors)
      .toEqual(["k.conf:4:1: error: virtual_server 192.0.2.10 80 is defined twice (first at k.conf:1); allowed: each service once"]);
    expect(errorsOf([{ name: "ipvs", text: "-A -t 192.0.2.10:80 -s rr\n-A -t 192.0.2.10:80 -s wlc\n" }]).errors)
      .toEqual(["ipvs:2:1: error: service tcp 192.0.2.10:80 is defined twice (first on line 1); allowed: each service once (-E edits one)"]);
    expect(errorsOf([{ name: "lvs.cf", text: "serial_no = 1\nvirtual w {\n address = 192.0.2.1 eth0\n port = 80\n}\nvirtual w {\n address = 192.0.2.2 eth0\n port = 80\n}\n" }]).errors)
      .toEqual(["lvs.cf:6:1: error: virtual w is defined twice (first on line 2); allowed: unique virtual server names"]);
  });

  it("IPv6 in lvs.cf is refused: pulse reads IPv4 only", () => {
    expect(errorsOf([{ name: "lvs.cf", text: "serial_no = 1\nprimary = 2001:db8::1\n" }]).errors)
      .toEqual(["lvs.cf:2:1: error: primary 2001:db8::1: IPv6 is not supported by Piranha's lvs.cf; allowed: an IPv4 address"]);
  });

  it("an unterminated quote is an error at the quote", () => {
    expect(errorsOf([{ name: "rules", text: "*mangle\n-A PREROUTING -m comment --comment \"web -j ACCEPT\nCOMMIT\n" }]).errors)
      .toEqual(["rules:2:36: error: unterminated double quote; allowed: a closing \" on the same line"]);
  });

  it("a result that is not a valid document is reported by path", () => {
    const r = importFiles([{ name: "ipvs", text: "-A -t 192.0.2.10:80 -s rr\n" }], { clusterName: "bad name!" });
    expect(r.document).toBeNull();
    expect(r.invalid).toEqual(['cluster.name: got "bad name!"; allowed: 1-31 characters of A-Z a-z 0-9 _ . -']);
  });
});
