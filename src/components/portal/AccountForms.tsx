'use client'

import { useActionState } from 'react'

import { FormMessage, SubmitButton, TextField } from '@/components/site/forms/Fields'
import { PASSWORD_MIN_LENGTH } from '@/lib/forms/authSchemas'
import { initialFormState } from '@/lib/forms/formState'
import { changeEmailAction, changePasswordAction, updateProfileAction } from '@/lib/portal/accountActions'

export function ProfileForm({ name, phone }: { name: string; phone: string }) {
  const [state, action] = useActionState(updateProfileAction, initialFormState)
  const errors = state.fieldErrors ?? {}
  const values = state.values ?? {}
  return (
    <form action={action} className="form" noValidate>
      <FormMessage state={state} />
      <TextField name="name" label="Nama lengkap" autoComplete="name" required defaultValue={values.name ?? name} error={errors.name} />
      <TextField name="phone" label="Nomor WhatsApp" type="tel" autoComplete="tel" inputMode="tel" optional defaultValue={values.phone ?? phone} error={errors.phone} />
      <SubmitButton pendingText="Menyimpan…">Simpan profil</SubmitButton>
    </form>
  )
}

export function EmailForm({ email }: { email: string }) {
  const [state, action] = useActionState(changeEmailAction, initialFormState)
  const errors = state.fieldErrors ?? {}
  return (
    <form action={action} className="form" noValidate>
      <FormMessage state={state} />
      <p className="muted">Email saat ini: {email}</p>
      <TextField name="email" label="Email baru" type="email" autoComplete="email" inputMode="email" required defaultValue={state.values?.email} error={errors.email} />
      <TextField id="email-current-password" name="currentPassword" label="Kata sandi saat ini" type="password" autoComplete="current-password" required error={errors.currentPassword} />
      <SubmitButton pendingText="Mengganti…">Ganti email</SubmitButton>
    </form>
  )
}

export function PasswordForm() {
  const [state, action] = useActionState(changePasswordAction, initialFormState)
  const errors = state.fieldErrors ?? {}
  return (
    <form action={action} className="form" noValidate key={state.status === 'success' ? 'done' : 'editing'}>
      <FormMessage state={state} />
      <TextField name="currentPassword" label="Kata sandi saat ini" type="password" autoComplete="current-password" required error={errors.currentPassword} />
      <TextField
        name="password"
        label="Kata sandi baru"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={`Minimal ${PASSWORD_MIN_LENGTH} karakter.`}
        error={errors.password}
      />
      <TextField name="confirmPassword" label="Ulangi kata sandi baru" type="password" autoComplete="new-password" required error={errors.confirmPassword} />
      <SubmitButton pendingText="Mengganti…">Ganti kata sandi</SubmitButton>
    </form>
  )
}
