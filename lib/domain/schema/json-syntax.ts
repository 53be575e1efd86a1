/** Where JSON text stops being JSON: 1-based line and column, and what was found there. */
export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

class Stop extends Error {
  constructor(readonly at: number, readonly expected: string) {
    super(expected);
  }
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /["\\/bfnrt]|u[0-9a-fA-F]{4}/y;

// A recursive-descent reader of RFC 8259 JSON that only looks for the first
// offending character; callers limit the nesting first (findExcessiveDepth).
function scan(text: string): void {
  let i = 0;
  const skip = () => { while (i < text.length && WS.has(text.charCodeAt(i))) i += 1; };
  const expect = (ch: string, what: string) => {
    skip();
    if (text[i] !== ch) throw new Stop(i, what);
    i += 1;
  };
  const string = () => {
    i += 1;
    for (;;) {
      if (i >= text.length) throw new Stop(i, 'a closing "');
      const c = text.charCodeAt(i);
      if (c === 0x22) { i += 1; return; }
      if (c < 0x20) throw new Stop(i, "no control character inside a string (escape it)");
      if (c === 0x5c) {
        ESCAPE.lastIndex = i + 1;
        if (!ESCAPE.test(text)) throw new Stop(i + 1, 'an escape (\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)');
        i = ESCAPE.lastIndex;
      } else i += 1;
    }
  };
  // The comma-separated items of an object or array, up to its closing bracket.
  const items = (close: string, item: () => void, afterItem: string): void => {
    skip();
    if (text[i] === close) { i += 1; return; }
    for (;;) {
      item();
      skip();
      if (text[i] === close) { i += 1; return; }
      if (text[i] !== ",") throw new Stop(i, afterItem);
      i += 1;
    }
  };
  const member = (): void => {
    skip();
    if (text[i] !== '"') throw new Stop(i, "a property name in double quotes");
    string();
    expect(":", "':' after the property name");
    value();
  };
  const value = (): void => {
    skip();
    const c = text[i];
    if (c === "{") {
      i += 1;
      return items("}", member, "',' or '}' after a property");
    }
    if (c === "[") {
      i += 1;
      return items("]", value, "',' or ']' after an element");
    }
    if (c === '"') return string();
    for (const word of ["true", "false", "null"]) if (text.startsWith(word, i)) { i += word.length; return; }
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) { i = NUMBER.lastIndex; return; }
    throw new Stop(i, "a value (object, array, string, number, true, false or null)");
  };
  value();
  skip();
  if (i < text.length) throw new Stop(i, "the end of the document");
}

function position(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = text.indexOf("\n"); k !== -1 && k < at; k = text.indexOf("\n", k + 1)) {
    line += 1;
    start = k + 1;
  }
  return { line, column: at - start + 1 };
}

/** The first JSON syntax error in `text` with its line and column, or null when the text is JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    scan(text);
    return null;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    const { line, column } = position(text, e.at);
    const found = e.at >= text.length ? "Unexpected end of input" : "Unexpected token";
    const shown = e.at >= text.length ? "" : ` found ${JSON.stringify(String.fromCodePoint(text.codePointAt(e.at)!))},`;
    return { line, column, message: `${found} at line ${line}, column ${column}:${shown} expected ${e.expected}` };
  }
}
