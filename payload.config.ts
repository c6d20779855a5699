import { postgresAdapter } from '@payloadcms/db-postgres'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { seoPlugin } from '@payloadcms/plugin-seo'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { s3Storage } from '@payloadcms/storage-s3'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { isAdmin } from './access/roles'
import { restrictInternalCollections } from './access/restrictInternalCollections'
import { Announcements } from './collections/Announcements'
import { AuditLog } from './collections/AuditLog'
import { Invoices } from './collections/Invoices'
import { Media } from './collections/Media'
import { Notifications } from './collections/Notifications'
import { Pages } from './collections/Pages'
import { PerformanceMetrics } from './collections/PerformanceMetrics'
import { PaymentEvents } from './collections/PaymentEvents'
import { Posts } from './collections/Posts'
import { Pricing } from './collections/Pricing'
import { Projects } from './collections/Projects'
import { Templates } from './collections/Templates'
import { Testimonials } from './collections/Testimonials'
import { Users } from './collections/Users'
import { addExtraIndexes } from './db/extraIndexes'
import { applySharedHooks } from './hooks/applySharedHooks'
import { answerUnavailableDuringOutage } from './hooks/answerUnavailableDuringOutage'
import { attachRequestId } from './hooks/attachRequestId'
import { mapDatabaseInputErrors } from './hooks/mapDatabaseInputErrors'
import { mapMalformedRequests } from './hooks/mapMalformedRequests'
import { guardPoolErrors } from './db/guardPoolErrors'
import { rootEndpoints } from './endpoints'
import { requestIdLogFields } from './lib/requestContext'
import { jobsCollection } from './jobs/jobsCollection'
import { jobTasks } from './jobs/jobTasks'
import { graphqlValidationRules } from './graphql/graphqlLimits'
import { emailTransport } from './lib/emailTransport'
import { getConfig } from './lib/env'
import { installAfterCommit } from './realtime/afterCommit'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const config = getConfig()

export default restrictInternalCollections(buildConfig({
  serverURL: config.SERVER_URL,
  secret: config.PAYLOAD_SECRET,
  telemetry: false,
  logger: { options: { level: config.LOG_LEVEL, mixin: requestIdLogFields } },
  // A refused request is the system working, not an error: keep it out of the error log.
  // Payload looks levels up by error name; its type lists only Payload's own names.
  loggingLevels: {
    BadRequest: 'info',
    Conflict: 'info',
    Forbidden: 'info',
    InvalidTransition: 'info',
    InvoiceNotPayable: 'info',
    NotificationRejected: 'warn',
    NotFound: 'info',
    Unauthorized: 'info',
    QueryError: 'info',
    PaymentProviderRejected: 'warn',
    PaymentProviderUnavailable: 'warn',
  } as Record<string, 'info' | 'warn'>,
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' — JasaWeb Admin' },
    // Gravatar is a third-party request for every admin page; the built-in avatar is enough.
    avatar: 'default',
    components: {
      // The live layer of the admin: the notification bell in the header, the connections view.
      actions: ['/src/components/admin/NotificationBell#NotificationBell'],
      // Admin-only entries: each component renders nothing for editors.
      afterNavLinks: ['/src/components/admin/RealtimeNavLink#RealtimeNavLink', '/src/components/admin/bi/BiNavLink#BiNavLink'],
      beforeDashboard: ['/src/components/admin/bi/BiDashboardWidget#BiDashboardWidget'],
      views: {
        realtime: { Component: '/src/components/admin/RealtimeConnectionsView#RealtimeConnectionsView', path: '/realtime' },
        bi: { Component: '/src/components/admin/bi/BiDashboardView#BiDashboardView', path: '/bi' },
      },
    },
  },
  // Cookies are honoured only from these origins (an empty list would accept every origin).
  csrf: [config.SERVER_URL],
  cors: [config.SERVER_URL],
  collections: [Users, Projects, Invoices, Pricing, Templates, Posts, Pages, Testimonials, Media, Notifications, Announcements, PaymentEvents, AuditLog, PerformanceMetrics].map(
    applySharedHooks,
  ),
  hooks: { afterError: [mapMalformedRequests, mapDatabaseInputErrors, answerUnavailableDuringOutage, attachRequestId] },
  // Real-time events go out after their transaction commits (realtime/afterCommit.ts).
  onInit: (payload) => {
    installAfterCommit(payload)
    guardPoolErrors(payload)
  },
  // The QRIS simulator exists outside production only.
  endpoints: rootEndpoints({ isProduction: config.isProduction }),
  jobs: {
    tasks: jobTasks(config),
    // No autoRun: jobs/jobRunner.ts runs the queues (elected per queue, in priority order,
    // with the stale-job sweep), in server.ts or in `pnpm worker`.
    // Completed jobs stay for the admin's queue view; the daily clean-up removes old ones.
    deleteJobOnComplete: false,
    // Payload's default lets any logged-in user run, queue or cancel jobs over REST.
    access: { run: ({ req }) => isAdmin(req.user), queue: ({ req }) => isAdmin(req.user), cancel: ({ req }) => isAdmin(req.user) },
    jobsCollectionOverrides: jobsCollection,
  },
  editor: lexicalEditor(),
  db: postgresAdapter({
    pool: { connectionString: config.DATABASE_URL, max: config.DATABASE_POOL_MAX },
    // Schema changes only through committed migrations, in every environment.
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
    afterSchemaInit: [addExtraIndexes],
  }),
  email: nodemailerAdapter({
    defaultFromAddress: config.EMAIL_FROM,
    defaultFromName: config.EMAIL_FROM_NAME,
    transport: emailTransport(config),
  }),
  graphQL: {
    maxComplexity: 1000,
    disablePlaygroundInProduction: true,
    disableIntrospectionInProduction: true,
    validationRules: () => graphqlValidationRules(),
  },
  maxDepth: 5,
  sharp,
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
    autoGenerate: false,
  },
  plugins: [
    seoPlugin({
      collections: ['pages', 'posts'],
      uploadsCollection: 'media',
      generateTitle: ({ doc }) => `${String(doc?.title ?? '')} — JasaWeb`,
      generateDescription: ({ doc }) => String(doc?.excerpt ?? ''),
    }),
    ...(config.S3_BUCKET
      ? [
          s3Storage({
            collections: { media: true },
            bucket: config.S3_BUCKET,
            config: {
              region: config.S3_REGION,
              endpoint: config.S3_ENDPOINT,
              forcePathStyle: config.S3_FORCE_PATH_STYLE,
              credentials: {
                accessKeyId: config.S3_ACCESS_KEY_ID ?? '',
                secretAccessKey: config.S3_SECRET_ACCESS_KEY ?? '',
              },
            },
          }),
        ]
      : []),
  ],
}))
