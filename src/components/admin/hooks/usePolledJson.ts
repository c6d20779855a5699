'use client'

import { useCallback, useEffect, useState } from 'react'

import { apiErrorMessage, UNREACHABLE } from './apiErrorMessage'

/**
 * An admin endpoint's JSON, fetched now and every `intervalMs`; `reload` fetches at once (after
 * an action, or on a live event). A failed fetch keeps the last data and says why.
 */
export function usePolledJson<T>(url: string, intervalMs: number) {
  const [data, setData] = useState<T>()
  const [problem, setProblem] = useState<string>()
  const reload = useCallback(async () => {
    try {
      const response = await fetch(url, { credentials: 'include', cache: 'no-store' })
      if (!response.ok) return setProblem(await apiErrorMessage(response))
      setData((await response.json()) as T)
      setProblem(undefined)
    } catch {
      setProblem(UNREACHABLE)
    }
  }, [url])

  useEffect(() => {
    void reload()
    const timer = setInterval(() => void reload(), intervalMs)
    return () => clearInterval(timer)
  }, [reload, intervalMs])

  return { data, problem, setProblem, reload }
}
