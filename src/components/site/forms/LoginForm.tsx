'use client'

import Link from 'next/link'
import { useActionState, useRef } from 'react'

import { loginAction } from '@/lib/auth/actions'
import { initialFormState } from '@/lib/forms/formState'

import { FormMessage, SubmitButton, TextField, useFocusOnError } from './Fields'

export function LoginForm({ next }: { next?: string }) {
  const form = useRef<HTMLFormElement>(null)
  const [state, formAction] = useActionState(loginAction, initialFormState)
  useFocusOnError(form, state)
  const errors = state.fieldErrors ?? {}
  return (
    <form ref={form} action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      {next && <input type="hidden" name="next" value={next} />}
      <TextField name="email" label="Email" type="email" autoComplete="email" inputMode="email" required defaultValue={state.values?.email} error={errors.email} />
      <TextField
        name="password"
        label="Kata sandi"
        type="password"
        autoComplete="current-password"
        required
        error={errors.password}
        aside={<Link href="/lupa-password">Lupa kata sandi?</Link>}
      />
      <SubmitButton pendingText="Memeriksa…">Masuk</SubmitButton>
    </form>
  )
}
