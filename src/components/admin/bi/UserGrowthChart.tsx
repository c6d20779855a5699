'use client'

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

import type { Granularity } from '../../../../bi/biParams'
import { formatCount, periodLabel, periodTick } from '@/lib/bi/formatBi'
import type { UsersReport } from '@/lib/bi/reportTypes'
import { ChartCard } from './ChartCard'
import { axisProps, CHART_COLORS, CHART_HEIGHT, gridProps, legendProps, tooltipProps } from './chartTheme'

/** New clients per period (bars) and the running number of clients (line, its own axis). */
export function UserGrowthChart({ users, granularity }: { users: UsersReport; granularity: Granularity }) {
  const empty = users.series.every((point) => point.clients === 0 && point.staff === 0 && point.totalClients === 0)
  return (
    <ChartCard
      id="users"
      title="Pertumbuhan klien"
      summary={
        <p>
          <strong>{formatCount(users.newClients)}</strong> klien baru dan {formatCount(users.newStaff)} staf baru; {formatCount(users.clientsBefore)} klien sebelum rentang ini.
        </p>
      }
      empty={empty ? 'Belum ada klien pada rentang ini.' : undefined}
      tables={[
        {
          caption: 'Klien baru dan total klien per periode',
          columns: ['Periode', 'Klien baru', 'Staf baru', 'Total klien'],
          rows: users.series.map((point) => [periodLabel(point.period, granularity), formatCount(point.clients), formatCount(point.staff), formatCount(point.totalClients)]),
        },
      ]}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={{ width: 320, height: CHART_HEIGHT }}>
        <ComposedChart data={users.series} margin={{ top: 8, right: 0, bottom: 4, left: 0 }}>
          <CartesianGrid {...gridProps} vertical={false} />
          <XAxis dataKey="period" {...axisProps} tickFormatter={(period: string) => periodTick(period, granularity)} minTickGap={12} />
          <YAxis yAxisId="new" {...axisProps} allowDecimals={false} width={36} tickFormatter={formatCount} />
          <YAxis yAxisId="total" orientation="right" {...axisProps} allowDecimals={false} width={40} tickFormatter={formatCount} />
          <Tooltip {...tooltipProps} labelFormatter={(period) => periodLabel(String(period), granularity)} formatter={(value) => formatCount(Number(value))} />
          <Legend {...legendProps} />
          <Bar yAxisId="new" dataKey="clients" name="Klien baru" fill={CHART_COLORS.primary} radius={[4, 4, 0, 0]} maxBarSize={36} />
          <Line yAxisId="total" dataKey="totalClients" name="Total klien" stroke={CHART_COLORS.secondary} strokeWidth={2} dot={false} type="monotone" />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  )
}
