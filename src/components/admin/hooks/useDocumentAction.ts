'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { apiErrorMessage, UNREACHABLE } from './apiErrorMessage'

/**
 * A sidebar button's POST on the open document: busy while it runs, then the answer's message
 * (`describe` turns a success into words, the error's own message otherwise) and a refresh of
 * the document on success.
 */
export function useDocumentAction<Answer>() {
  const router = useRouter()
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function run(url: string, describe: (answer: Answer) => string) {
    setBusy(true)
    setMessage(null)
    try {
      const response = await fetch(url, { method: 'POST', credentials: 'include' })
      if (!response.ok) return setMessage(await apiErrorMessage(response))
      setMessage(describe((await response.json()) as Answer))
      router.refresh()
    } catch {
      setMessage(UNREACHABLE)
    } finally {
      setBusy(false)
    }
  }

  return { run, busy, message }
}
