'use client'

import { useCallback, useEffect, useRef, useState } from 'react'

import { apiRequest } from '../portal/apiRequest'
import { reportPath, type DashboardQuery } from './dashboardQuery'
import type { BiReports } from './reportTypes'

export type BiReportsState = {
  reports?: BiReports
  /** The server's refusal (a 400 names the bad parameter) or a network failure. */
  error?: string
  loading: boolean
  /** When the shown figures were fetched. */
  updatedAt?: Date
}

/**
 * Every report the dashboard draws, for one range, fetched together. A new range clears the
 * figures (they belong to the old one); `reload()` keeps them on screen while it fetches, so
 * a live refresh does not flash. Only the newest request's answer is kept.
 */
export function useBiReports(query: DashboardQuery) {
  const [state, setState] = useState<BiReportsState>({ loading: true })
  const latest = useRef(0)
  const { from, to, granularity } = query

  const load = useCallback(
    async (keepFigures: boolean) => {
      const query = { from, to, granularity }
      const request = ++latest.current
      setState((previous) => ({ loading: true, ...(keepFigures ? { reports: previous.reports, updatedAt: previous.updatedAt } : {}) }))
      try {
        const [summary, revenue, users, projects, forecast] = await Promise.all([
          apiRequest<BiReports['summary']>(reportPath('summary', query)),
          apiRequest<BiReports['revenue']>(reportPath('revenue', query)),
          apiRequest<BiReports['users']>(reportPath('users', query)),
          apiRequest<BiReports['projects']>(reportPath('projects', query)),
          apiRequest<BiReports['forecast']>(reportPath('forecast', query)),
        ])
        if (request === latest.current) setState({ loading: false, reports: { summary, revenue, users, projects, forecast }, updatedAt: new Date() })
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        // A failed live refresh leaves the figures it could not replace on screen, under the message.
        if (request === latest.current) setState((previous) => ({ loading: false, error: message, ...(keepFigures ? { reports: previous.reports, updatedAt: previous.updatedAt } : {}) }))
      }
    },
    [from, to, granularity],
  )

  useEffect(() => void load(false), [load])
  const reload = useCallback(() => load(true), [load])
  return { ...state, reload }
}
