'use client'

import Link from 'next/link'
import { useActionState, useRef } from 'react'

import { resetPasswordAction } from '@/lib/auth/actions'
import { initialFormState } from '@/lib/forms/formState'

import { FormMessage, NewPasswordFields, SubmitButton, useFocusOnError } from './Fields'

export function ResetPasswordForm({ token }: { token: string }) {
  const form = useRef<HTMLFormElement>(null)
  const [state, formAction] = useActionState(resetPasswordAction, initialFormState)
  useFocusOnError(form, state)
  const errors = state.fieldErrors ?? {}
  return (
    <form ref={form} action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      {errors.token && (
        <p>
          <Link href="/lupa-password">Minta tautan atur ulang yang baru</Link>
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields errors={errors} label="Kata sandi baru" confirmLabel="Ulangi kata sandi baru" />
      <SubmitButton pendingText="Menyimpan…">Simpan kata sandi baru</SubmitButton>
    </form>
  )
}
