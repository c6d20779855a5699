/** "Halo Budi," — a user without a name on record is still greeted. */
export function greeting(name: string | null | undefined): string {
  const trimmed = name?.trim()
  return `Halo ${trimmed ? trimmed : 'Pelanggan JasaWeb'},`
}
