"use client";

import { FormProvider } from "react-hook-form";
import { SelectField, TextField, optionsOf } from "@/components/ui/form-fields";
import { FormStatus } from "@/components/ui/form-status";
import { loadCreateUserSchema } from "@/components/ui/schema-loaders";
import { usePanelForm } from "@/components/ui/use-panel-form";
import { NEW_PASSWORD_HINT } from "@/lib/domain/password-policy";
import { ROLES } from "@/lib/domain/roles";
import type { CreateUserInput } from "@/lib/domain/schema/account";
import { createUserAction } from "@/lib/server/auth/user-actions";

const EMPTY: CreateUserInput = { username: "", role: "viewer", password: "" };

/** Creates an account: username, role and an initial password the user should change. */
export function CreateUserForm() {
  // Password fields are validated as typed, not cleaned of "": an empty password is an error, not "not given".
  const { form, locked, message, showResult } = usePanelForm(loadCreateUserSchema, EMPTY, { clean: false });
  const onSubmit = form.handleSubmit(async (values) => {
    if (showResult(await createUserAction(values), `Created user ${values.username}.`)) form.reset(EMPTY);
  });
  return (
    <FormProvider {...form}>
      <form method="post" onSubmit={onSubmit} noValidate aria-label="Create user">
        <FormStatus message={message} />
        <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0 }}>
          <TextField name="username" label="New username" hint="Letters, digits, _ . - (up to 64)." idPrefix="new-user" />
          <SelectField
            name="role"
            label="Role"
            hint="viewer: read and preview; operator: + edit, export, download; admin: + users, cluster settings, audit log."
            options={optionsOf(ROLES)}
            idPrefix="new-user"
          />
          <TextField name="password" type="password" label="Initial password" hint={NEW_PASSWORD_HINT} idPrefix="new-user" autoComplete="new-password" />
          <button type="submit">Create user</button>
        </fieldset>
      </form>
    </FormProvider>
  );
}
