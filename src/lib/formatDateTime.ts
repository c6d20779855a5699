const longDateTime = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' })

/** 2026-03-05T08:30:00Z → "5 Maret 2026 pukul 15.30 WIB": Jakarta wall-clock time, in Indonesian. */
export function formatDateTimeWib(value: Date): string {
  return `${longDateTime.format(value)} WIB`
}
