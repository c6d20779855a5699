import type { ReactNode } from 'react'

import { DataTable, type TableData } from './DataTable'

type ChartCardProps = {
  id: string
  title: string
  /** A line of figures under the heading (totals, what the chart counts). */
  summary?: ReactNode
  /** Set when there is nothing to draw: the message shown instead of an empty chart. */
  empty?: string
  wide?: boolean
  tables: TableData[]
  children: ReactNode
}

/** One chart: its heading, the chart (or why there is none) and its figures as tables. */
export function ChartCard({ id, title, summary, empty, wide, tables, children }: ChartCardProps) {
  return (
    <section className={`jw-bi__card${wide ? ' jw-bi__card--wide' : ''}`} aria-labelledby={`${id}-title`} data-chart={id}>
      <h2 id={`${id}-title`} className="jw-bi__card-title">
        {title}
      </h2>
      {summary ? <div className="jw-bi__card-summary">{summary}</div> : null}
      {empty ? (
        <p className="jw-bi__empty">{empty}</p>
      ) : (
        <>
          <div className="jw-bi__chart">{children}</div>
          {tables.map((table) => (
            <DataTable key={table.caption} {...table} />
          ))}
        </>
      )}
    </section>
  )
}
