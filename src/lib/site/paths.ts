/** Public addresses of the site's documents: one place, used by pages, links, hooks and the sitemap. */
/** `/` is rendered at this address (a rewrite in next.config.mjs): revalidating `/` means revalidating it. */
export const HOME_EDITION = 'index'
export const HOME_RENDER_PATH = `/beranda/${HOME_EDITION}`
export const postPath = (slug: string): string => `/blog/${slug}`
export const pagePath = (slug: string): string => `/${slug}`
export const servicePath = (slug: string): string => `/layanan/${slug}`
export const templatesPath = (serviceSlug?: string): string => (serviceSlug ? `/template?kategori=${serviceSlug}` : '/template')
export const blogPath = (page = 1): string => (page > 1 ? `/blog?halaman=${page}` : '/blog')
export const portalProjectPath = (id: number): string => `/portal/proyek/${id}`
export const portalInvoicePath = (id: number): string => `/portal/tagihan/${id}`
export const portalReceiptPath = (id: number): string => `/portal/tagihan/${id}/kwitansi`

/**
 * A redirect target from a query string is only followed when it is a path on this site:
 * `//evil.example` and `/\evil.example` are other sites to a browser.
 */
export function safeLocalPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined
  return value
}
