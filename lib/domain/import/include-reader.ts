// Files reached through keepalived's `include`, read through an injected reader so parsing stays pure.

/** Reads the files an `include` names: the CLI gives the filesystem, the web the uploaded files. */
export interface IncludeReader {
  /** The text of a file, or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
  /** Paths of the files a glob pattern matches, sorted (keepalived uses glob(3)). */
  glob(pattern: string): string[];
  /** True when the files have no directories (an upload): a glob then never matches the including file itself. */
  flat?: boolean;
}

/** The directory part of a path ("." when there is none). */
export function dirnameOf(path: string): string {
  const i = path.lastIndexOf("/");
  if (i < 0) return ".";
  return i === 0 ? "/" : path.slice(0, i);
}

/** The last component of a path. */
export function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Resolves an include path against the including file's directory and removes `.`/`..` segments. */
export function resolveIncludePath(fromFile: string, target: string): string {
  const joined = target.startsWith("/") ? target : `${dirnameOf(fromFile)}/${target}`;
  const out: string[] = [];
  for (const part of joined.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  const prefix = joined.startsWith("/") ? "/" : "";
  return `${prefix}${out.join("/")}` || ".";
}

/** True when a path has glob characters. */
export function isGlob(path: string): boolean {
  return /[*?[]/.test(path);
}

/** A regular expression matching one path component against a glob component (`*`, `?`, `[…]`). */
export function globComponentRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === "*") re += "[^/]*";
    else if (ch === "?") re += "[^/]";
    else if (ch === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end < 0) re += "\\[";
      else {
        const body = glob.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\");
        re += `[${body}]`;
        i = end;
      }
    } else re += ch.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** A reader over an in-memory set of files (the web upload): includes match by the files' base names. */
export function memoryReader(files: ReadonlyMap<string, string>): IncludeReader {
  const byBase = new Map<string, string>();
  for (const name of files.keys()) byBase.set(basenameOf(name), name);
  return {
    flat: true,
    readFile: (path) => files.get(path) ?? files.get(byBase.get(basenameOf(path)) ?? ""),
    glob: (pattern) => {
      const re = globComponentRegExp(basenameOf(pattern));
      return [...files.keys()].filter((name) => re.test(basenameOf(name))).sort();
    },
  };
}
