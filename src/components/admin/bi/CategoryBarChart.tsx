'use client'

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

import { axisProps, CHART_COLORS, CHART_HEIGHT, gridProps, tooltipProps } from './chartTheme'

export type Category = { label: string; value: number; color?: string }

type CategoryBarChartProps = {
  data: Category[]
  /** The series' name in the tooltip. */
  name: string
  format: (value: number) => string
  /** The axis's shorter form of `format` (rupiah in "jt"). */
  formatTick?: (value: number) => string
}

/** Horizontal bars, one per category: counts, amounts or days by status, type, tier. */
export function CategoryBarChart({ data, name, format, formatTick = format }: CategoryBarChartProps) {
  const height = Math.max(CHART_HEIGHT / 2, data.length * 44 + 40)
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid {...gridProps} horizontal={false} />
        <XAxis type="number" {...axisProps} tickFormatter={formatTick} allowDecimals={false} />
        <YAxis type="category" dataKey="label" {...axisProps} width={120} />
        <Tooltip {...tooltipProps} formatter={(value) => format(Number(value))} />
        {/* No grow-in animation: a few bars gain nothing from it, and the figures are there at once. */}
        <Bar dataKey="value" name={name} fill={CHART_COLORS.primary} radius={[0, 4, 4, 0]} maxBarSize={28} isAnimationActive={false}>
          {data.map((category) => (
            <Cell key={category.label} fill={category.color ?? CHART_COLORS.primary} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  )
}
