/** Field validators shared by collections. Each returns true or a message for the user. */

export function validateHttpUrl(value: string | null | undefined): true | string {
  if (value === null || value === undefined || value === '') return true
  try {
    const url = new URL(value)
    if (url.protocol === 'http:' || url.protocol === 'https:') return true
  } catch {
    // fall through to the message
  }
  return 'Must be a full http:// or https:// address.'
}

export function validateRupiah(value: number | null | undefined): true | string {
  if (value === null || value === undefined) return true
  if (!Number.isSafeInteger(value)) return 'Amount must be a whole number of rupiah.'
  if (value < 0) return 'Amount cannot be negative.'
  return true
}

export const PHONE_PATTERN = /^\+?[0-9][0-9 -]{6,18}[0-9]$/

export function validatePhone(value: string | null | undefined): true | string {
  if (value === null || value === undefined || value === '') return true
  return PHONE_PATTERN.test(value) ? true : 'Phone must be digits, optionally starting with +, e.g. +62 812 3456 7890.'
}
