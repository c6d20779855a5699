import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `pnpm test` typechecks the whole repository; doing it again in every build costs ~15 s.
  typescript: { ignoreBuildErrors: true },
  images: { localPatterns: [{ pathname: '/api/media/file/**' }] },
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
