// The DOM id of a form field, shared by the form components and the diagnostic links that focus them.

/** Id of the input for form field `name` ("persistence.timeoutSeconds" → "f-persistence-timeoutSeconds"). */
export const fieldIdOf = (name: string, prefix = "f") => `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
