import { parseHostPort } from "../domain/model/address";
import { formatWhatIf } from "../domain/what-if/format-what-if";
import { whatIf } from "../domain/what-if/what-if";
import type { Args, CliIo, CliKit, CliResult } from "./run-cli";

const TO_ALLOWED = "VIP:PORT (192.0.2.10:443) or [IPv6]:PORT ([2001:db8::10]:443)";

/** `what-if DOC --to VIP:PORT [--protocol tcp|udp] [--from ADDRESS] [--json]`: exit 0 answered, 2 bad input. */
export function runWhatIf(args: Args, io: CliIo, { usage, lines, loadDocument }: CliKit): CliResult {
  const [source, ...extra] = args.positional;
  if (source === undefined || extra.length > 0) return usage("what-if takes exactly one document");
  const to = args.options.get("--to");
  if (to === undefined) return usage(`what-if needs --to ${TO_ALLOWED}`);
  const target = parseHostPort(to);
  if (!target || target.port === undefined) return usage(`--to: got ${JSON.stringify(to)}; allowed: ${TO_ALLOWED}`);
  const protocol = args.options.get("--protocol") ?? "tcp";
  if (protocol !== "tcp" && protocol !== "udp") return usage(`--protocol: got ${JSON.stringify(protocol)}; allowed: tcp, udp`);
  const json = args.flags.has("--json");
  const loaded = loadDocument(source, io, json);
  if (!("doc" in loaded)) return loaded;
  const from = args.options.get("--from");
  const r = whatIf(loaded.doc, { vip: target.address.canonical, port: target.port, protocol, ...(from === undefined ? {} : { from }) });
  if (!r.ok) return usage(r.message);
  const stdout = json ? `${JSON.stringify(r.answer, null, 2)}\n` : lines(formatWhatIf(r.answer));
  return { exitCode: 0, stdout, stderr: "" };
}
