'use client'

import Link from 'next/link'
import { useActionState, useRef } from 'react'

import { registerAction } from '@/lib/auth/actions'
import { initialFormState } from '@/lib/forms/formState'

import { FieldError, FormMessage, NewPasswordFields, SubmitButton, TextField, useFocusOnError } from './Fields'

export function RegisterForm({ next }: { next?: string }) {
  const form = useRef<HTMLFormElement>(null)
  const [state, formAction] = useActionState(registerAction, initialFormState)
  useFocusOnError(form, state)
  const errors = state.fieldErrors ?? {}
  const values = state.values ?? {}
  return (
    <form ref={form} action={formAction} className="form" noValidate aria-describedby="daftar-keterangan">
      <p id="daftar-keterangan" className="visually-hidden">
        Semua kolom wajib diisi kecuali yang bertanda opsional.
      </p>
      <FormMessage state={state} />
      {next && <input type="hidden" name="next" value={next} />}
      <TextField name="name" label="Nama lengkap" autoComplete="name" required defaultValue={values.name} error={errors.name} />
      <TextField name="email" label="Email" type="email" autoComplete="email" inputMode="email" required defaultValue={values.email} error={errors.email} />
      <TextField
        name="phone"
        label="Nomor WhatsApp"
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        optional
        placeholder="+62 812 3456 7890"
        defaultValue={values.phone}
        error={errors.phone}
        hint="Untuk kabar proyek yang mendesak."
      />
      <NewPasswordFields errors={errors} />
      <div className="field">
        <label className="checkbox" htmlFor="field-terms">
          <input
            id="field-terms"
            type="checkbox"
            name="terms"
            required
            aria-invalid={errors.terms ? true : undefined}
            aria-describedby={errors.terms ? 'field-terms-error' : undefined}
          />
          <span>
            Saya menyetujui <Link href="/kebijakan-privasi">kebijakan privasi</Link> JasaWeb.
          </span>
        </label>
        {errors.terms && <FieldError id="field-terms-error" message={errors.terms} />}
      </div>
      <SubmitButton pendingText="Membuat akun…">Buat akun</SubmitButton>
    </form>
  )
}
