const rupiah = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 })

/** 1500000 → "Rp 1.500.000" (id-ID formatting, whole rupiah). */
export function formatRupiah(amount: number): string {
  return rupiah.format(amount)
}
