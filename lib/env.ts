import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Cron } from 'croner'
import { z } from 'zod'

import { projectRoot } from './paths'
import { parseTrustProxy } from '../security/trustProxy'

/**
 * The one place that reads process.env. Parsed once, validated with zod, frozen.
 * APP_ENV=production makes every secret mandatory; anything else (the demo) gets
 * generated secrets kept in DATA_DIR so that encrypted data survives restarts.
 */
const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'must be true or false',
  })
  .transform((value) => value === 'true' || value === '1' || value === 'yes')

// Five fields (minute hour day month weekday), parsed by Croner, the parser Payload's schedules use.
const isValidCron = (expression: string): boolean => {
  try {
    new Cron(expression, { paused: true }).stop()
    return true
  } catch {
    return false
  }
}
const cronExpression = z
  .string()
  .regex(/^\S+( \S+){4}$/, 'must be a cron expression with five fields, e.g. "0 2 * * *"')
  .refine(isValidCron, 'is not a valid cron expression (minute hour day month weekday), e.g. "0 2 * * *"')

// Who may say who the client is through X-Forwarded-For (security/trustProxy.ts): false, a hop count, or addresses/CIDRs.
const trustProxy = z
  .string()
  .optional()
  .transform((value, ctx) => {
    try {
      return parseTrustProxy(value)
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) })
      return z.NEVER
    }
  })

const optionalUrl = z.url({ error: 'must be a URL such as https://example.com' }).optional()

const envSchema = z.object({
  APP_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  SERVER_URL: optionalUrl,
  DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  PAYLOAD_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  CREDENTIALS_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (a 32-byte AES-256 key)')
    .optional(),
  SEED_ON_EMPTY: booleanString.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_SECURE: booleanString.default(false),
  EMAIL_FROM: z.email({ error: 'must be an email address' }).default('noreply@jasaweb.id'),
  EMAIL_FROM_NAME: z.string().min(1).default('JasaWeb'),
  MIDTRANS_SERVER_KEY: z.string().min(10, 'must be the Midtrans server key').optional(),
  MIDTRANS_CLIENT_KEY: z.string().min(10, 'must be the Midtrans client key').optional(),
  // midtrans-client treats any truthy value, even the string "false", as production: parse it.
  MIDTRANS_IS_PRODUCTION: booleanString.default(false),
  MIDTRANS_API_URL: optionalUrl,
  MIDTRANS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8_000),
  PAYMENT_EXPIRY_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('auto'),
  S3_ENDPOINT: optionalUrl,
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanString.default(true),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  REALTIME_REDIS_KEY: z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/, 'letters, digits, ":", "_" or "-" (at most 64)').default('jasaweb-realtime'),
  REALTIME_MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(10),
  REALTIME_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(100),
  REALTIME_MAX_STRIKES: z.coerce.number().int().min(1).max(1000).default(5),
  REALTIME_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(65_536),
  REALTIME_PING_INTERVAL_MS: z.coerce.number().int().min(1000).max(300_000).default(25_000),
  REALTIME_PING_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(20_000),
  REALTIME_IDLE_TIMEOUT_MS: z.coerce.number().int().min(0).max(86_400_000).default(1_800_000),
  // Unset: on in production, off in the demo and tests (which log in and post from one address all day).
  RATE_LIMIT_ENABLED: booleanString.optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(10_000),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(300),
  RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  RATE_LIMIT_ADMIN_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(3000),
  RATE_LIMIT_LOGIN_PER_15_MINUTES: z.coerce.number().int().min(1).max(1_000_000).default(20),
  RATE_LIMIT_REGISTER_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(10),
  RATE_LIMIT_PASSWORD_RESET_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(10),
  RATE_LIMIT_PAY_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(20),
  RATE_LIMIT_WEBHOOK_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
  TRUST_PROXY: trustProxy,
  JOBS_RUN_IN_SERVER: booleanString.default(true),
  JOBS_POLL_INTERVAL_MS: z.coerce.number().int().min(200).max(3_600_000).default(5_000),
  JOBS_BATCH_LIMIT: z.coerce.number().int().min(1).max(100).default(4),
  JOBS_STALE_AFTER_MS: z.coerce.number().int().min(10_000).max(86_400_000).default(600_000),
  JOBS_INVOICE_REMINDER_CRON: cronExpression.default('0 2 * * *'),
  JOBS_BI_WEEKLY_CRON: cronExpression.default('0 1 * * 1'),
  JOBS_BI_MONTHLY_CRON: cronExpression.default('0 1 1 * *'),
  JOBS_EXPIRE_ATTEMPTS_CRON: cronExpression.default('*/5 * * * *'),
  JOBS_PRUNE_NOTIFICATIONS_CRON: cronExpression.default('30 19 * * *'),
  INVOICE_REMINDER_DAYS: z
    .string()
    .regex(/^-?\d{1,3}(,-?\d{1,3})*$/, 'a comma-separated list of whole days relative to the due date, e.g. 3,0,-1,-7')
    .default('3,0,-1,-7')
    .transform((value) => [...new Set(value.split(',').map(Number))].sort((a, b) => b - a)),
  NOTIFICATIONS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  JOBS_KEEP_COMPLETED_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  METRICS_TOKEN: z.string().regex(/^\S{16,}$/, 'must be at least 16 characters without spaces (e.g. `openssl rand -hex 24`)').optional(),
  PERFORMANCE_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(35),
  PERFORMANCE_ANOMALY_THRESHOLD: z.coerce.number().min(0.5).max(10).default(3),
  PERFORMANCE_ANOMALY_WINDOW_MINUTES: z.coerce.number().int().min(5).max(1440).default(30),
  PERFORMANCE_ALERT_COOLDOWN_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
})

type ParsedEnv = z.infer<typeof envSchema>

export type AppConfig = Omit<ParsedEnv, 'PAYLOAD_SECRET' | 'CREDENTIALS_KEY' | 'DATA_DIR' | 'SERVER_URL' | 'SEED_ON_EMPTY' | 'RATE_LIMIT_ENABLED'> & {
  SEED_ON_EMPTY: boolean
  RATE_LIMIT_ENABLED: boolean
  PAYLOAD_SECRET: string
  CREDENTIALS_KEY: string
  DATA_DIR: string
  SERVER_URL: string
  isProduction: boolean
}

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

const REQUIRED_IN_PRODUCTION = ['DATABASE_URL', 'PAYLOAD_SECRET', 'CREDENTIALS_KEY', 'SERVER_URL', 'MIDTRANS_SERVER_KEY'] as const

function readDevSecrets(dataDir: string): { PAYLOAD_SECRET: string; CREDENTIALS_KEY: string } {
  const file = path.join(dataDir, 'dev-secrets.json')
  if (fs.existsSync(file)) {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  }
  const secrets = {
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    CREDENTIALS_KEY: randomBytes(32).toString('hex'),
  }
  fs.mkdirSync(dataDir, { recursive: true })
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}

export function parseEnv(source: Record<string, string | undefined>): AppConfig {
  // Empty strings in .env files mean "not set", not "set to nothing".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''))
  const result = envSchema.safeParse(cleaned)
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`))
  }
  const parsed = result.data
  // A batch runs its jobs at once, each holding a pool connection at a time: requests must keep some.
  if (parsed.JOBS_BATCH_LIMIT >= parsed.DATABASE_POOL_MAX) {
    throw new ConfigError([`JOBS_BATCH_LIMIT: must be below DATABASE_POOL_MAX (${parsed.DATABASE_POOL_MAX}), so that running jobs leave connections for requests`])
  }
  const isProduction = parsed.APP_ENV === 'production'
  if (isProduction) {
    const missing = REQUIRED_IN_PRODUCTION.filter((name) => !parsed[name])
    if (missing.length > 0) {
      throw new ConfigError(missing.map((name) => `${name}: is required when APP_ENV=production`))
    }
  }
  const dataDir = path.resolve(projectRoot, parsed.DATA_DIR ?? '.data')
  const secrets =
    parsed.PAYLOAD_SECRET && parsed.CREDENTIALS_KEY
      ? { PAYLOAD_SECRET: parsed.PAYLOAD_SECRET, CREDENTIALS_KEY: parsed.CREDENTIALS_KEY }
      : { ...readDevSecrets(dataDir), ...stripUndefined({ PAYLOAD_SECRET: parsed.PAYLOAD_SECRET, CREDENTIALS_KEY: parsed.CREDENTIALS_KEY }) }
  return Object.freeze({
    ...parsed,
    ...secrets,
    DATA_DIR: dataDir,
    // Demo data with known passwords has no place in production unless asked for.
    SEED_ON_EMPTY: parsed.SEED_ON_EMPTY ?? !isProduction,
    RATE_LIMIT_ENABLED: parsed.RATE_LIMIT_ENABLED ?? isProduction,
    SERVER_URL: parsed.SERVER_URL ?? `http://localhost:${parsed.PORT}`,
    isProduction,
  })
}

function stripUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

let cached: AppConfig | undefined

/**
 * Entry points (start, serve, seed, CLI) call this first so a local `.env` file counts the
 * same for the launcher as for Next's bundle, which loads it on its own. Real environment
 * variables win over the file.
 */
export function loadDotEnv(): void {
  const file = path.join(projectRoot, '.env')
  if (fs.existsSync(file)) process.loadEnvFile(file)
  cached = undefined
}

/**
 * The launcher starts an embedded PostgreSQL when DATABASE_URL is unset and hands its
 * address to the rest of the process (and to Next's bundle, which reads process.env) here.
 */
export function useDatabaseUrl(url: string): void {
  process.env.DATABASE_URL = url
  cached = undefined
}

/** The validated configuration of this process. Throws ConfigError naming each bad variable. */
export function getConfig(): AppConfig {
  cached ??= parseEnv(process.env)
  return cached
}
