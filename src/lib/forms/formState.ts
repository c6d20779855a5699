import type { z } from 'zod'

/** What a form's server action returns to the form: a message, errors by field, what was typed. */
export type FormState = {
  status: 'idle' | 'error' | 'success'
  message?: string
  fieldErrors?: Record<string, string>
  /** Values to put back in the form after an error (never passwords). */
  values?: Record<string, string>
}

export const initialFormState: FormState = { status: 'idle' }

/** The first message for each field, keyed by the field's name. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form')
    errors[field] ??= issue.message
  }
  return errors
}

/** The named text fields of a submitted form, as strings (files and missing fields are skipped). */
export function textFields(formData: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {}
  for (const name of names) {
    const value = formData.get(name)
    if (typeof value === 'string') values[name] = value
  }
  return values
}
