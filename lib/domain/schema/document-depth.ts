/**
 * Deepest nesting a version 1 document needs: the document, a list, a virtual
 * server, its real servers or health check, and their objects and lists, with
 * room to spare. Anything deeper is refused before parsing, so no recursive
 * step (JSON.parse, zod, the error formatter) ever sees it.
 */
export const MAX_DOCUMENT_DEPTH = 16;

/** The first place where JSON text nests deeper than `limit` arrays/objects, or null. Strings are skipped. */
export function findExcessiveDepth(text: string, limit = MAX_DOCUMENT_DEPTH): { depth: number; offset: number } | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > limit) return { depth, offset: i };
    } else if (c === 0x5d || c === 0x7d) {
      depth -= 1;
    }
  }
  return null;
}
