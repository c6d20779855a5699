import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `pnpm test` typechecks the whole repository; doing it again in every build costs ~15 s.
  typescript: { ignoreBuildErrors: true },
  images: { localPatterns: [{ pathname: '/api/media/file/**' }] },
  // `/` is rendered as a dynamic segment so it can be cached on its first visit (ISR): the
  // build has no database to prerender a static `/` from. Its own address is not public.
  async rewrites() {
    return { beforeFiles: [{ source: '/', destination: '/beranda/index' }] }
  },
  async redirects() {
    return [{ source: '/beranda/:edition', destination: '/', permanent: false }]
  },
  experimental: {
    // A branded 404 for addresses no route matches (the app has two root layouts: site and admin).
    globalNotFound: true,
    // Pages and data the site caches at run time stay in this process's memory, not in .next:
    // a fresh start (or a reseeded database) never serves pages rendered from older data, and
    // instances sharing a build folder do not read each other's pages.
    isrFlushToDisk: false,
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
