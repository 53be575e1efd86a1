"use server";
import "server-only";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setClusterGrantSchema, setDisabledSchema } from "@/lib/domain/schema/account";
import { consoleAction } from "@/lib/server/action-client";
import { setClusterGrant } from "@/lib/server/cluster-grants";
import { changeUserRole, createUser, resetUserPassword, setUserDisabled } from "@/lib/server/users";
import { getRequestMeta } from "./request-context";

// Admin actions of the users page. Each authorizes before looking at its input;
// the data functions in lib/server/users.ts check the permission again.

const manage = { permission: "user.manage", revalidate: ["/users"] } as const;

/** Creates a user with a role and an initial password. */
export const createUserAction = consoleAction({ ...manage, schema: [createUserSchema] })
  .action(async ([input]) => createUser(input, await getRequestMeta()));

/** Changes a user's role (never the last active admin's). */
export const changeUserRoleAction = consoleAction({ ...manage, schema: [changeRoleSchema] })
  .action(async ([input]) => changeUserRole(input, await getRequestMeta()));

/** Disables or re-enables a user; disabling ends their sessions. */
export const setUserDisabledAction = consoleAction({ ...manage, schema: [setDisabledSchema] })
  .action(async ([input]) => setUserDisabled(input, await getRequestMeta()));

/** Sets a new password for a user and ends their sessions. */
export const resetUserPasswordAction = consoleAction({ ...manage, schema: [resetPasswordSchema] })
  .action(async ([input]) => resetUserPassword(input, await getRequestMeta()));

/** Sets a user's role on one cluster, hides the cluster from them ("none"), or restores their global role there ("default"). */
export const setClusterGrantAction = consoleAction({ ...manage, schema: [setClusterGrantSchema] })
  .action(async ([input]) => setClusterGrant(input, await getRequestMeta()));
