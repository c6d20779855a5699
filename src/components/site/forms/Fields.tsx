'use client'

import { type InputHTMLAttributes, type ReactNode, type RefObject, useEffect, useState } from 'react'
import { useFormStatus } from 'react-dom'

import { PASSWORD_MIN_LENGTH } from '@/lib/forms/authSchemas'
import type { FormState } from '@/lib/forms/formState'

import { AlertIcon } from '../icons'

type FieldProps = {
  name: string
  label: string
  error?: string
  hint?: ReactNode
  optional?: boolean
  /** Shown on the label's line, opposite the label (e.g. "Lupa kata sandi?"). */
  aside?: ReactNode
  /** Defaults to `field-<name>`; give one when two forms on a page share a field name. */
  id?: string
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>

const fieldId = (name: string) => `field-${name}`

/** A labelled input whose error is announced and tied to it (aria-invalid, aria-describedby). */
export function TextField({ name, label, error, hint, optional, aside, id = fieldId(name), type = 'text', ...input }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  return (
    <div className="field">
      <div className="field__row">
        <label htmlFor={id}>
          {label} {optional && <span className="field__optional">(opsional)</span>}
        </label>
        {aside}
      </div>
      {type === 'password' ? (
        <PasswordInput id={id} name={name} invalid={Boolean(error)} describedBy={[hintId, errorId].filter(Boolean).join(' ') || undefined} {...input} />
      ) : (
        <input
          id={id}
          name={name}
          type={type}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
          {...input}
        />
      )}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <FieldError id={errorId} message={error} />
      )}
    </div>
  )
}

function PasswordInput({ id, name, invalid, describedBy, ...input }: { id: string; name: string; invalid: boolean; describedBy?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const [visible, setVisible] = useState(false)
  return (
    <div className="password-input">
      <input id={id} name={name} type={visible ? 'text' : 'password'} aria-invalid={invalid ? true : undefined} aria-describedby={describedBy} {...input} />
      <button type="button" onClick={() => setVisible((shown) => !shown)} aria-controls={id} aria-pressed={visible}>
        {visible ? 'Sembunyikan' : 'Tampilkan'}
        <span className="visually-hidden"> kata sandi</span>
      </button>
    </div>
  )
}

/** A new password and its confirmation (fields `password` and `confirmPassword`). */
export function NewPasswordFields({ errors, label = 'Kata sandi', confirmLabel = 'Ulangi kata sandi' }: { errors: Record<string, string>; label?: string; confirmLabel?: string }) {
  return (
    <>
      <TextField
        name="password"
        label={label}
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        error={errors.password}
        hint={`Minimal ${PASSWORD_MIN_LENGTH} karakter.`}
      />
      <TextField name="confirmPassword" label={confirmLabel} type="password" autoComplete="new-password" required error={errors.confirmPassword} />
    </>
  )
}

/** The form's submit button; disabled with a spinner while the server works. */
export function SubmitButton({ children, pendingText }: { children: ReactNode; pendingText: string }) {
  const { pending } = useFormStatus()
  return (
    <button type="submit" className="button button--primary button--block" disabled={pending} aria-disabled={pending}>
      {pending ? (
        <>
          <span className="spinner" aria-hidden="true" />
          {pendingText}
        </>
      ) : (
        children
      )}
    </button>
  )
}

/** The server's answer above the form: an alert for errors, a status for success. */
export function FormMessage({ state }: { state: FormState }) {
  if (!state.message || state.status === 'idle') return null
  const error = state.status === 'error'
  return (
    <div className={`notice ${error ? 'notice--error' : 'notice--success'}`} role={error ? 'alert' : 'status'} tabIndex={-1}>
      <p>{state.message}</p>
    </div>
  )
}

export function FieldError({ id, message }: { id?: string; message: string }) {
  return (
    <p className="field__error" id={id}>
      <AlertIcon />
      <span>{message}</span>
    </p>
  )
}

/**
 * After the server refuses a submission, keyboard and screen-reader users land on the first
 * field to fix (or on the message when no single field is to blame).
 */
export function useFocusOnError(form: RefObject<HTMLFormElement | null>, state: FormState): void {
  useEffect(() => {
    if (state.status !== 'error' || !form.current) return
    const target = form.current.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.current.querySelector<HTMLElement>('[role="alert"]')
    target?.focus()
  }, [form, state])
}
