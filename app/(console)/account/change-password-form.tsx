"use client";

import { TextField } from "@/components/ui/form-fields";
import { PanelForm } from "@/components/ui/panel-form";
import { loadChangeOwnPasswordSchema } from "@/components/ui/schema-loaders";
import { usePanelForm } from "@/components/ui/use-panel-form";
import { NEW_PASSWORD_HINT } from "@/lib/domain/password-policy";
import type { ChangeOwnPasswordInput } from "@/lib/domain/schema/account";
import { changeOwnPasswordAction } from "@/lib/server/auth/actions";

const EMPTY: ChangeOwnPasswordInput = { currentPassword: "", newPassword: "", confirmPassword: "" };

/** The own-password form: current password, new password twice. */
export function ChangePasswordForm() {
  // Password fields are validated as typed, not cleaned of "": an empty password is an error, not "not given".
  const { form, locked, message, showResult } = usePanelForm(loadChangeOwnPasswordSchema, EMPTY, { clean: false });
  const onSubmit = form.handleSubmit(async (values) => {
    if (showResult(await changeOwnPasswordAction(values), "Password changed. Other sessions were signed out.")) form.reset(EMPTY);
  });
  return (
    <PanelForm form={form} label="Change password" message={message} locked={locked} onSubmit={onSubmit}>
      <TextField name="currentPassword" type="password" label="Current password" autoComplete="current-password" />
      <TextField name="newPassword" type="password" label="New password" hint={NEW_PASSWORD_HINT} autoComplete="new-password" />
      <TextField name="confirmPassword" type="password" label="Confirm new password" autoComplete="new-password" />
      <button type="submit">Change password</button>
    </PanelForm>
  );
}
