import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `pnpm test` typechecks the whole repository; doing it again in every build costs ~15 s.
  typescript: { ignoreBuildErrors: true },
  images: { localPatterns: [{ pathname: '/api/media/file/**' }] },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
