'use client'

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

import type { Granularity } from '../../../../bi/biParams'
import { periodLabel, periodTick } from '@/lib/bi/formatBi'
import { axisProps, CHART_COLORS, CHART_HEIGHT, gridProps, tooltipProps } from './chartTheme'

type PeriodBarChartProps = {
  data: { period: string; value: number }[]
  granularity: Granularity
  name: string
  format: (value: number) => string
}

/** One bar per period of the range (empty periods are zeros from the API). */
export function PeriodBarChart({ data, granularity, name, format }: PeriodBarChartProps) {
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={{ width: 320, height: CHART_HEIGHT }}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid {...gridProps} vertical={false} />
        <XAxis dataKey="period" {...axisProps} tickFormatter={(period: string) => periodTick(period, granularity)} minTickGap={12} />
        <YAxis {...axisProps} tickFormatter={format} allowDecimals={false} width={40} />
        <Tooltip {...tooltipProps} labelFormatter={(period) => periodLabel(String(period), granularity)} formatter={(value) => format(Number(value))} />
        <Bar dataKey="value" name={name} fill={CHART_COLORS.primary} radius={[4, 4, 0, 0]} maxBarSize={36} />
      </BarChart>
    </ResponsiveContainer>
  )
}
