'use client'

import { useActionState, useRef } from 'react'

import { requestPasswordResetAction } from '@/lib/auth/actions'
import { initialFormState } from '@/lib/forms/formState'

import { FormMessage, SubmitButton, TextField, useFocusOnError } from './Fields'

export function ForgotPasswordForm() {
  const form = useRef<HTMLFormElement>(null)
  const [state, formAction] = useActionState(requestPasswordResetAction, initialFormState)
  useFocusOnError(form, state)
  return (
    <form ref={form} action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <TextField
        name="email"
        label="Email akun Anda"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <SubmitButton pendingText="Mengirim…">Kirim tautan atur ulang</SubmitButton>
    </form>
  )
}
