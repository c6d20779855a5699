import type { Granularity } from '../../../bi/biParams'

/**
 * How the BI dashboard writes its figures, in Indonesian. Periods arrive as the first day of
 * the period (YYYY-MM-DD, already a Jakarta date), so they are formatted in UTC: no shift.
 */
const dayMonth = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', timeZone: 'UTC' })
const dayMonthYear = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const monthYear = new Intl.DateTimeFormat('id-ID', { month: 'short', year: 'numeric', timeZone: 'UTC' })
const longMonthYear = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' })
const compact = new Intl.NumberFormat('id-ID', { notation: 'compact', maximumFractionDigits: 1 })
const count = new Intl.NumberFormat('id-ID')
const decimal = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 })
const percent = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 1 })

const asDate = (period: string) => new Date(`${period}T00:00:00Z`)

/** A chart axis label: "5 Des" by day or week, "Des 2026" by month. */
export function periodTick(period: string, granularity: Granularity): string {
  return granularity === 'month' ? monthYear.format(asDate(period)) : dayMonth.format(asDate(period))
}

/** A table's period: "5 Des 2026", "Minggu 30 Nov 2026", "Desember 2026". */
export function periodLabel(period: string, granularity: Granularity): string {
  if (granularity === 'month') return longMonthYear.format(asDate(period))
  const day = dayMonthYear.format(asDate(period))
  return granularity === 'week' ? `Minggu ${day}` : day
}

/** An axis's rupiah: "Rp 1,5 jt". */
export function compactRupiah(amount: number): string {
  return `Rp ${compact.format(amount)}`
}

export function formatCount(value: number): string {
  return count.format(value)
}

/** 0.25 → "25%"; no rate (nobody to convert) → "—". */
export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : percent.format(rate)
}

/** 3.25 → "3,3 hari"; no stays → "—". */
export function formatDays(days: number | null): string {
  return days === null ? '—' : `${decimal.format(days)} hari`
}
