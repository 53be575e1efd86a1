// Password limits, listed once and free of zod: the account schemas, the password check,
// ADMIN_PASSWORD and the forms' hints all read them.

/** Length limits in code points (NIST SP 800-63B: no composition rules). */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** The hint beside every new-password field. */
export const NEW_PASSWORD_HINT = `${PASSWORD_MIN_LENGTH}-${PASSWORD_MAX_LENGTH} characters; common passwords are refused.`;
