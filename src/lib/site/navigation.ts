/** The site's main navigation, in order. */
export const MAIN_NAV = [
  { href: '/layanan', label: 'Layanan' },
  { href: '/template', label: 'Template' },
  { href: '/harga', label: 'Harga' },
  { href: '/blog', label: 'Blog' },
  { href: '/tentang-kami', label: 'Tentang Kami' },
] as const

/** A nav item is current on its own page and the pages below it. */
export function isCurrentSection(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`)
}
