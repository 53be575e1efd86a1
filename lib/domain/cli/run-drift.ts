import { usage, type Args, type CliIo, type CliResult } from "./run-cli";

/** `drift --state FILE DOC [--json]`: exit 0 in sync, 1 drift found, 2 unreadable input. */
export function runDrift(_args: Args, _io: CliIo): CliResult {
  return usage("drift is not available yet");
}
