import { parseRuleWords } from "./iptables-rule";
import { collectMarkRules, type ChainEntry, type Chains } from "./mangle-chains";
import type { MarkRulesResult } from "./mark-rules";
import { checkReadable, MessageLog } from "./messages";
import { logicalLines, splitWords, type Word } from "./words";

const BUILTIN = ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"];
const BUNDLE_COMMENT = /^#\s*(bundle \S+ \(mark \d+, (?:tcp|udp)\).*)$/;

function newChains(): Chains {
  return new Map(BUILTIN.map((c) => [c, [] as ChainEntry[]]));
}

/** Reads `iptables-save` / `ip6tables-save` output: the mangle table's mark rules from PREROUTING and the chains it jumps to. */
export function parseIptablesSave(text: string, file: string): MarkRulesResult {
  const log = new MessageLog(file);
  if (!checkReadable(text, log)) return { rules: [], messages: log.messages };
  const chains = newChains();
  let table: { name: string; line: number; rules: number } | null = null;
  let comment: string | undefined;
  for (const { line, text: raw } of logicalLines(text, false)) {
    const body = raw.trim();
    if (body === "") continue;
    if (body.startsWith("#")) {
      comment = BUNDLE_COMMENT.exec(body)?.[1];
      continue;
    }
    if (body.startsWith("*")) {
      if (table) return fail(log, line, 1, `table ${body.slice(1)} starts before table ${table.name} (line ${table.line}) was committed; allowed: COMMIT first`);
      table = { name: body.slice(1), line, rules: 0 };
      continue;
    }
    if (!table) return fail(log, line, 1, `${JSON.stringify(body.slice(0, 40))} outside a table; allowed: iptables-save output (*mangle … COMMIT)`);
    if (body === "COMMIT") {
      if (table.name !== "mangle" && table.rules > 0) {
        log.warn(table.line, `table ${table.name}: ${table.rules} rule(s) not imported: only the mangle table's marks are carried`);
      }
      table = null;
      continue;
    }
    if (table.name !== "mangle") {
      if (body.startsWith("-")) table.rules++;
      continue;
    }
    if (body.startsWith(":")) {
      const chain = /^:(\S+)\s/.exec(`${body} `)?.[1] ?? "";
      if (!chains.has(chain)) chains.set(chain, []);
      continue;
    }
    const split = splitWords(body.replace(/^\[\d+:\d+\]\s*/, ""));
    if (!split.ok) return fail(log, line, split.column, split.message);
    const [cmd, chain, ...rest] = split.words;
    if (cmd?.text !== "-A" || !chain) return fail(log, line, cmd?.column ?? 1, `${JSON.stringify(cmd?.text ?? "")} is not a rule; allowed: -A CHAIN …, :CHAIN POLICY, COMMIT`);
    const added = addRule(chains, chain.text, rest, line, comment, log);
    comment = undefined;
    if (!added) return { rules: [], messages: log.messages };
  }
  if (table) return fail(log, table.line, 1, `table ${table.name} is never committed; allowed: a COMMIT line ending each table`);
  return { rules: collectMarkRules(chains, log), messages: log.messages };
}

function addRule(chains: Chains, chain: string, words: Word[], line: number, comment: string | undefined, log: MessageLog, at?: number): boolean {
  const r = parseRuleWords(words);
  if (!r.ok) {
    log.error(line, r.column, r.message);
    return false;
  }
  const list = chains.get(chain);
  if (!list) {
    log.error(line, 1, `chain ${chain} is not defined; allowed: a built-in chain or one declared before (:${chain} - or -N ${chain})`);
    return false;
  }
  const entry: ChainEntry = { rule: r.rule, line, ...(comment === undefined ? {} : { leadingComment: comment }) };
  if (at === undefined) list.push(entry);
  else list.splice(Math.min(at, list.length), 0, entry);
  return true;
}

function fail(log: MessageLog, line: number, column: number, message: string): MarkRulesResult {
  log.error(line, column, message);
  return { rules: [], messages: log.messages };
}

const COMMANDS = /^(?:.*\/)?ip6?tables(?:-legacy|-nft)?$/;

/** Reads a shell script of `iptables -t mangle -A …` commands (the manuals' form); other shell lines are warnings. */
export function parseIptablesScript(text: string, file: string): MarkRulesResult {
  const log = new MessageLog(file);
  if (!checkReadable(text, log)) return { rules: [], messages: log.messages };
  const chains = newChains();
  let comment: string | undefined;
  for (const { line, text: raw } of logicalLines(text)) {
    const body = raw.trim();
    if (body === "" || body.startsWith("#!")) continue;
    if (body.startsWith("#")) {
      comment = BUNDLE_COMMENT.exec(body)?.[1];
      continue;
    }
    const split = splitWords(body);
    if (!split.ok) return fail(log, line, split.column, split.message);
    const words = split.words;
    if (words.length === 0) continue;
    if (!COMMANDS.test(words[0]?.text ?? "")) {
      if (!["set", "exit"].includes(words[0]?.text ?? "")) log.warn(line, `${JSON.stringify(words[0]?.text)} is not an iptables command; not imported`);
      continue;
    }
    const ok = applyCommand(chains, words.slice(1), line, comment, log);
    comment = undefined;
    if (!ok) return { rules: [], messages: log.messages };
  }
  return { rules: collectMarkRules(chains, log), messages: log.messages };
}

function applyCommand(chains: Chains, words: Word[], line: number, comment: string | undefined, log: MessageLog): boolean {
  let table = "filter";
  const rest: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    if (w.text === "-t" || w.text === "--table") table = words[++i]?.text ?? "";
    else if (w.text === "-w" || w.text === "--wait") {
      if (/^\d+$/.test(words[i + 1]?.text ?? "")) i++;
    } else rest.push(w);
  }
  if (table !== "mangle") {
    log.warn(line, `iptables command on table ${table} not imported: only the mangle table's marks are carried`);
    return true;
  }
  const [cmd, chainWord, ...body] = rest;
  const chain = chainWord?.text ?? "";
  switch (cmd?.text) {
    case "-A":
    case "--append":
      return addRule(chains, chain, body, line, comment, log);
    case "-I":
    case "--insert": {
      const pos = /^\d+$/.test(body[0]?.text ?? "") ? Number(body.shift()?.text) - 1 : 0;
      return addRule(chains, chain, body, line, comment, log, Math.max(0, pos));
    }
    case "-N":
    case "--new-chain":
      if (!chains.has(chain)) chains.set(chain, []);
      return true;
    case "-F":
    case "--flush":
      for (const [name, list] of chains) if (chainWord === undefined || name === chain) list.length = 0;
      return true;
    case "-X":
    case "--delete-chain":
    case "-P":
    case "--policy":
    case "-Z":
      return true;
    default:
      log.warn(line, `iptables ${cmd?.text ?? ""} not imported: only -A, -I, -N and -F build mark rules`);
      return true;
  }
}
