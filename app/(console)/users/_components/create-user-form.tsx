"use client";

import { SelectField, TextField, optionsOf } from "@/components/ui/form-fields";
import { PanelForm } from "@/components/ui/panel-form";
import { loadCreateUserSchema } from "@/components/ui/schema-loaders";
import { usePanelForm } from "@/components/ui/use-panel-form";
import { NEW_PASSWORD_HINT } from "@/lib/domain/password-policy";
import { ROLES } from "@/lib/domain/roles";
import type { CreateUserInput } from "@/lib/domain/schema/account";
import { createUserAction } from "@/lib/server/auth/user-actions";

const EMPTY: CreateUserInput = { username: "", role: "viewer", password: "" };
const ROLE_HINT = "viewer: read and preview; operator: + edit, export, download; admin: + users, cluster settings, audit log.";

/** Creates an account: username, role and an initial password the user should change. */
export function CreateUserForm() {
  // Password fields are validated as typed, not cleaned of "": an empty password is an error, not "not given".
  const { form, locked, message, showResult } = usePanelForm(loadCreateUserSchema, EMPTY, { clean: false });
  const onSubmit = form.handleSubmit(async (values) => {
    if (showResult(await createUserAction(values), `Created user ${values.username}.`)) form.reset(EMPTY);
  });
  return (
    <PanelForm form={form} label="Create user" message={message} locked={locked} onSubmit={onSubmit}>
      <TextField name="username" label="New username" hint="Letters, digits, _ . - (up to 64)." idPrefix="new-user" />
      <SelectField name="role" label="Role" hint={ROLE_HINT} options={optionsOf(ROLES)} idPrefix="new-user" />
      <TextField name="password" type="password" label="Initial password" hint={NEW_PASSWORD_HINT} idPrefix="new-user" autoComplete="new-password" />
      <button type="submit">Create user</button>
    </PanelForm>
  );
}
