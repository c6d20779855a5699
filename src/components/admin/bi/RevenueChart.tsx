'use client'

import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

import type { Granularity } from '../../../../bi/biParams'
import { compactRupiah, formatCount, periodLabel, periodTick } from '@/lib/bi/formatBi'
import type { ForecastReport, RevenueReport } from '@/lib/bi/reportTypes'
import { revenueChartRows } from '@/lib/bi/revenueChartRows'
import { formatRupiah } from '@/lib/formatRupiah'
import { ChartCard } from './ChartCard'
import { axisProps, CHART_COLORS, CHART_HEIGHT, gridProps, legendProps, tooltipProps } from './chartTheme'
import { ForecastNote } from './ForecastNote'

const rupiahOrRange = (value: unknown) => (Array.isArray(value) ? `${formatRupiah(Number(value[0]))} – ${formatRupiah(Number(value[1]))}` : formatRupiah(Number(value)))

/** Paid revenue per period; by month, the forecast and its band continue it. */
export function RevenueChart({ revenue, forecast, granularity }: { revenue: RevenueReport; forecast: ForecastReport; granularity: Granularity }) {
  const { rows, withForecast } = revenueChartRows(revenue.series, granularity, forecast.forecast)
  const bandName = `Rentang ${Math.round(forecast.confidence * 100)}%`
  const hasRevenue = revenue.series.some((point) => point.revenue > 0)
  return (
    <ChartCard
      id="revenue"
      title="Pendapatan per periode"
      wide
      summary={
        <>
          <p>
            Total <strong>{formatRupiah(revenue.total.revenue)}</strong> dari {formatCount(revenue.total.invoices)} tagihan lunas.
          </p>
          <ForecastNote forecast={forecast} granularity={granularity} shown={withForecast} />
        </>
      }
      empty={hasRevenue || withForecast ? undefined : 'Belum ada pendapatan pada rentang ini.'}
      tables={[
        {
          caption: 'Pendapatan per periode',
          columns: ['Periode', 'Pendapatan', 'Tagihan lunas'],
          rows: revenue.series.map((point) => [periodLabel(point.period, granularity), formatRupiah(point.revenue), formatCount(point.invoices)]),
        },
        ...(forecast.forecast.length > 0
          ? [
              {
                caption: 'Prakiraan pendapatan bulanan',
                columns: ['Bulan', 'Prakiraan', 'Batas bawah', 'Batas atas'],
                rows: forecast.forecast.map((point) => [periodLabel(point.period, 'month'), formatRupiah(point.revenue), formatRupiah(point.lower), formatRupiah(point.upper)]),
              },
            ]
          : []),
      ]}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT + 40} initialDimension={{ width: 320, height: CHART_HEIGHT + 40 }}>
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid {...gridProps} vertical={false} />
          <XAxis dataKey="period" {...axisProps} tickFormatter={(period: string) => periodTick(period, granularity)} minTickGap={12} />
          <YAxis {...axisProps} tickFormatter={compactRupiah} width={72} />
          <Tooltip {...tooltipProps} labelFormatter={(period) => periodLabel(String(period), granularity)} formatter={rupiahOrRange} />
          <Legend {...legendProps} />
          <Bar dataKey="revenue" name="Pendapatan" fill={CHART_COLORS.primary} radius={[4, 4, 0, 0]} maxBarSize={40} />
          {withForecast ? <Area dataKey="band" name={bandName} fill={CHART_COLORS.band} stroke="none" isAnimationActive={false} /> : null}
          {withForecast ? <Line dataKey="forecast" name="Prakiraan" stroke={CHART_COLORS.accent} strokeWidth={2} strokeDasharray="6 4" dot={{ r: 3 }} isAnimationActive={false} /> : null}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  )
}
