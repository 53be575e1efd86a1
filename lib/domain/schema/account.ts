import * as z from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../password-policy";
import { GRANT_VALUES, ROLES } from "../roles";

// Form schemas for accounts, shared by the client forms (zodResolver) and the
// server actions (safeParse). The common-password check runs on the server only.


export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, "Use 1-64 letters, digits, _ . or -");

export const newPasswordSchema = z
  .string()
  .refine((v) => [...v].length >= PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .refine((v) => [...v].length <= PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`);

export const loginSchema = z.object({
  username: z.string().trim().min(1, "Enter your username").max(128),
  password: z.string().min(1, "Enter your password").max(1024),
});

export const createUserSchema = z.object({
  username: usernameSchema,
  role: z.enum(ROLES, { error: "Choose a role" }),
  password: newPasswordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const changeRoleSchema = z.object({
  userId: z.coerce.number().int().positive(),
  role: z.enum(ROLES, { error: "Choose a role" }),
  version: z.coerce.number().int().positive(),
});
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const setDisabledSchema = z.object({
  userId: z.coerce.number().int().positive(),
  disabled: z.boolean(),
  version: z.coerce.number().int().positive(),
});
export type SetDisabledInput = z.infer<typeof setDisabledSchema>;

export const resetPasswordSchema = z.object({
  userId: z.coerce.number().int().positive(),
  password: newPasswordSchema,
});
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(1024),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match" });
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordSchema>;

export const setClusterGrantSchema = z.object({
  userId: z.coerce.number().int().positive(),
  clusterId: z.coerce.number().int().positive(),
  role: z.enum(GRANT_VALUES, { error: `Choose one of: ${GRANT_VALUES.join(", ")}` }),
});
export type SetClusterGrantInput = z.infer<typeof setClusterGrantSchema>;
