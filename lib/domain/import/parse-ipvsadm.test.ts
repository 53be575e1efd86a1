import { describe, expect, it } from "vitest";
import { parseIpvsadmSave } from "./parse-ipvsadm";

// What `ipvsadm -Sn` prints on a router: fwmark real servers carry port 0.
const SAVED = [
  "-A -f 80 -s wlc -p 300",
  "-a -f 80 -r 10.0.0.1:0 -g -w 1",
  "-a -f 80 -r 10.0.0.2:0 -g -w 2",
  "-A -f 80 -6 -s rr",
  "-a -f 80 -6 -r [2001:db8::1:0]:0 -g -w 1",
  "-A -t 192.0.2.10:443 -s rr",
  "-a -t 192.0.2.10:443 -r 10.0.0.3:443 -m -w 1",
  "",
].join("\n");

describe("ipvsadm -Sn", () => {
  it("reads port 0 on an fwmark service's real servers as no port", () => {
    const r = parseIpvsadmSave(SAVED, "ipvs.txt");
    expect(r.messages.filter((m) => m.severity === "error")).toEqual([]);
    expect(r.services.map((s) => s.realServers.map((x) => [x.address, x.port]))).toEqual([
      [["10.0.0.1", undefined], ["10.0.0.2", undefined]],
      [["2001:db8::1:0", undefined]],
      [["10.0.0.3", 443]],
    ]);
  });

  it("deletes an fwmark real server named with port 0", () => {
    const r = parseIpvsadmSave(`${SAVED}-d -f 80 -r 10.0.0.1:0\n`, "ipvs.txt");
    expect(r.services[0]?.realServers.map((x) => x.address)).toEqual(["10.0.0.2"]);
  });

  it("refuses port 0 on a port service, naming the line and what is allowed", () => {
    const r = parseIpvsadmSave("-A -t 192.0.2.10:80 -s rr\n-a -t 192.0.2.10:80 -r 10.0.0.1:0 -m\n", "ipvs.txt");
    expect(r.messages.find((m) => m.severity === "error")).toMatchObject({ line: 2, message: expect.stringMatching(/port 1-65535; port 0 only on an fwmark service/) });
    expect(r.services).toEqual([]);
  });
});
