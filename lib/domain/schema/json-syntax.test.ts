import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJsonSyntaxError } from "./json-syntax";

describe("findJsonSyntaxError", () => {
  it("names the line and column of a trailing comma", () => {
    const text = '{\n  "a": 1,\n  "b": [1, 2],\n}\n';
    expect(findJsonSyntaxError(text)).toEqual({
      line: 4, column: 1, message: 'Unexpected token at line 4, column 1: found "}", expected a property name in double quotes',
    });
  });

  it("names a missing value, a bad escape, a stray word and text after the document", () => {
    expect(findJsonSyntaxError('{"a":}')?.message).toBe('Unexpected token at line 1, column 6: found "}", expected a value (object, array, string, number, true, false or null)');
    expect(findJsonSyntaxError('["a\\x"]')).toMatchObject({ line: 1, column: 5 });
    expect(findJsonSyntaxError("[tru]")).toMatchObject({ line: 1, column: 2 });
    expect(findJsonSyntaxError("{}\n  x")).toMatchObject({ line: 2, column: 3, message: expect.stringContaining("expected the end of the document") });
  });

  it("names the end of input of a truncated document", () => {
    expect(findJsonSyntaxError('{\n  "a": [1,\n')).toEqual({
      line: 3, column: 1, message: "Unexpected end of input at line 3, column 1: expected a value (object, array, string, number, true, false or null)",
    });
  });

  it("accepts exactly what JSON.parse accepts", () => {
    fc.assert(fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
      let valid = true;
      try { JSON.parse(text); } catch { valid = false; }
      expect(findJsonSyntaxError(text) === null).toBe(valid);
    }), { numRuns: 2000 });
  });
});
