/**
 * The charts' look, from CSS variables (admin.css `.jw-bi`, with a dark-theme set) and
 * Payload's theme variables, so one chart works in the light and the dark admin.
 */
export const CHART_COLORS = {
  primary: 'var(--jw-chart-1)',
  secondary: 'var(--jw-chart-2)',
  accent: 'var(--jw-chart-3)',
  danger: 'var(--jw-chart-danger)',
  band: 'var(--jw-chart-band)',
} as const

export const CHART_HEIGHT = 260

export const axisProps = { tick: { fill: 'var(--theme-elevation-650)', fontSize: 12 }, stroke: 'var(--theme-elevation-250)' } as const

export const gridProps = { stroke: 'var(--theme-elevation-150)', strokeDasharray: '3 3' } as const

export const tooltipProps = {
  contentStyle: { background: 'var(--theme-elevation-0)', border: '1px solid var(--theme-elevation-150)', borderRadius: 6, color: 'var(--theme-text)', fontSize: 13 },
  labelStyle: { color: 'var(--theme-text)', fontWeight: 600 },
  itemStyle: { color: 'var(--theme-text)' },
  cursor: { fill: 'var(--theme-elevation-100)' },
} as const

export const legendProps = { wrapperStyle: { fontSize: 12, color: 'var(--theme-text)' } } as const
