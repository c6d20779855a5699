import { addDays, jakartaToday } from '../bi/biParams'

export type ReportPeriod = 'weekly' | 'monthly'

/**
 * The last whole period before `now`, as Jakarta dates (both included): the week Monday to
 * Sunday before this one, or the calendar month before this one.
 */
export function previousPeriod(period: ReportPeriod, now: Date): { from: string; to: string } {
  const today = jakartaToday(now)
  if (period === 'weekly') {
    const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
    const thisMonday = addDays(today, -weekday)
    return { from: addDays(thisMonday, -7), to: addDays(thisMonday, -1) }
  }
  const thisMonthStart = `${today.slice(0, 7)}-01`
  const to = addDays(thisMonthStart, -1)
  return { from: `${to.slice(0, 7)}-01`, to }
}
