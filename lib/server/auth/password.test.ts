import { describe, expect, it } from "vitest";
import { commonPasswordCount, isCommonPassword } from "./common-passwords";
import { hashPassword, passwordProblem, verifyDummyPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("produces Argon2id PHC strings at OWASP parameters or stronger", async () => {
    const hash = await hashPassword("correct horse battery staple");
    const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(hash);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(19_456);
    expect(Number(m![2])).toBeGreaterThanOrEqual(2);
    expect(Number(m![3])).toBe(1);
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery stapler")).toBe(false);
  });

  it("salts every hash and treats a malformed hash as a mismatch", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
    expect(await verifyPassword("not a hash", "x")).toBe(false);
    expect(await verifyDummyPassword("anything")).toBe(false);
  });
});

describe("passwordProblem", () => {
  it("accepts 8 to 128 characters with no composition rules", () => {
    expect(passwordProblem("tangerine walrus")).toBeNull();
    expect(passwordProblem("xxxxxxé")).toMatch(/at least 8/);
    expect(passwordProblem("zq8!fkéé")).toBeNull();
    expect(passwordProblem("short")).toMatch(/at least 8/);
    expect(passwordProblem("k".repeat(64) + "q".repeat(65))).toMatch(/at most 128/);
    expect(passwordProblem("🦊".repeat(128))).toBeNull();
  });

  it("refuses common passwords case-insensitively", () => {
    for (const p of ["password1", "Password1", "QWERTY123", "iloveyou", "1q2w3e4r5t", "p@ssw0rd", "aaaaaaaa", "12345678"]) {
      expect(passwordProblem(p), p).toMatch(/too common/);
    }
  });

  it("refuses the username as password", () => {
    expect(passwordProblem("Operator7x", { username: "operator7x" })).toMatch(/username/);
  });

  it("ships a list of several thousand entries", () => {
    expect(commonPasswordCount()).toBeGreaterThan(5_000);
    expect(isCommonPassword("  LetMeIn123 ")).toBe(true);
    expect(isCommonPassword("zebra-kettle-quartz-91")).toBe(false);
  });
});
