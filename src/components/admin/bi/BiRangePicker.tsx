'use client'

import { useState, type FormEvent } from 'react'

import { GRANULARITIES, jakartaToday, type Granularity } from '../../../../bi/biParams'
import { GRANULARITY_LABELS, RANGE_PRESETS, rangeProblem, searchFromQuery, type DashboardQuery } from '@/lib/bi/dashboardQuery'

/**
 * The range form: quick presets apply at once; the date inputs and granularity apply on
 * "Terapkan", after the form's own check (from ≤ to). Anything else the server refuses
 * comes back as its message above the charts.
 */
export function BiRangePicker({ query, onApply }: { query: DashboardQuery; onApply: (query: DashboardQuery) => void }) {
  const [draft, setDraft] = useState(query)
  const [problem, setProblem] = useState<string>()
  const applied = searchFromQuery(query)
  // Back/forward and presets change the applied query: the inputs follow it (React's
  // "adjust state while rendering" pattern, no effect and no extra render of stale values).
  const [shown, setShown] = useState(applied)
  if (shown !== applied) {
    setShown(applied)
    setDraft(query)
    setProblem(undefined)
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    const found = rangeProblem(draft)
    setProblem(found)
    if (!found) onApply(draft)
  }

  const today = jakartaToday()
  return (
    <form className="jw-bi__picker" onSubmit={submit} aria-label="Rentang laporan" noValidate>
      <div className="jw-bi__presets" role="group" aria-label="Rentang cepat">
        {RANGE_PRESETS.map((preset) => {
          const range = preset.range(today)
          return (
            <button key={preset.id} type="button" className="jw-bi__preset" aria-pressed={searchFromQuery(range) === applied} onClick={() => onApply(range)}>
              {preset.label}
            </button>
          )
        })}
      </div>
      <div className="jw-bi__fields">
        <label>
          Dari
          <input type="date" name="from" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        </label>
        <label>
          Sampai
          <input type="date" name="to" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        </label>
        <label>
          Granularitas
          <select name="granularity" value={draft.granularity} onChange={(event) => setDraft({ ...draft, granularity: event.target.value as Granularity })}>
            {GRANULARITIES.map((granularity) => (
              <option key={granularity} value={granularity}>
                {GRANULARITY_LABELS[granularity]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="jw-bi__apply">
          Terapkan
        </button>
      </div>
      {problem ? (
        <p className="jw-live__error" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  )
}
