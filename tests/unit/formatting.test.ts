import { formatDate } from '../../src/lib/formatDate'
import { formatRupiah } from '../../src/lib/formatRupiah'
import { readingMinutes } from '../../src/lib/site/readingTime'

// Intl separates "Rp" from the amount with a no-break space.
const plain = (text: string) => text.replace(/\u00a0/g, ' ')

describe('rupiah', () => {
  it('formats whole rupiah the Indonesian way', () => {
    expect(plain(formatRupiah(2_500_000))).toBe('Rp 2.500.000')
    expect(plain(formatRupiah(0))).toBe('Rp 0')
    expect(plain(formatRupiah(9_000_000_000))).toBe('Rp 9.000.000.000')
  })
})

describe('dates', () => {
  it('gives the calendar date in Jakarta, in Indonesian', () => {
    expect(formatDate('2026-11-21T12:00:00Z')).toBe('21 November 2026')
    // 18:30 UTC is already the next day in WIB (UTC+7).
    expect(formatDate('2026-11-21T18:30:00Z')).toBe('22 November 2026')
    expect(formatDate(new Date('2026-08-17T03:00:00Z'))).toBe('17 Agustus 2026')
  })

  it('is empty for a missing or broken date', () => {
    expect(formatDate(null)).toBe('')
    expect(formatDate('bukan tanggal')).toBe('')
  })
})

describe('reading time', () => {
  it('counts the words of a lexical document at 200 a minute, at least one', () => {
    const words = (count: number) => Array.from({ length: count }, () => 'kata').join(' ')
    const doc = (text: string) => ({ root: { children: [{ children: [{ text }] }] } })
    expect(readingMinutes(doc(words(1000)))).toBe(5)
    expect(readingMinutes(doc('pendek'))).toBe(1)
    expect(readingMinutes(null)).toBe(1)
  })
})
