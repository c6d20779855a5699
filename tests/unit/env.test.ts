import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ConfigError, parseEnv } from '../../lib/env'

const productionEnv = {
  APP_ENV: 'production',
  DATABASE_URL: 'postgres://u:p@db.example.com:5432/jasaweb',
  PAYLOAD_SECRET: 'a'.repeat(40),
  CREDENTIALS_KEY: 'b'.repeat(64),
  SERVER_URL: 'https://jasaweb.id',
  MIDTRANS_SERVER_KEY: 'Mid-server-production-key',
}

describe('configuration', () => {
  it('accepts a complete production environment', () => {
    const config = parseEnv(productionEnv)
    expect(config).toMatchObject({ isProduction: true, SERVER_URL: 'https://jasaweb.id', SEED_ON_EMPTY: false, PORT: 3000 })
  })

  it('limits request rates in production by default, not in the demo, and either way when told', () => {
    const demo = { DATA_DIR: path.join(os.tmpdir(), 'jasaweb-env-rate'), PAYLOAD_SECRET: 'a'.repeat(40), CREDENTIALS_KEY: 'b'.repeat(64) }
    expect(parseEnv(productionEnv).RATE_LIMIT_ENABLED).toBe(true)
    expect(parseEnv(demo).RATE_LIMIT_ENABLED).toBe(false)
    expect(parseEnv({ ...demo, RATE_LIMIT_ENABLED: 'true' }).RATE_LIMIT_ENABLED).toBe(true)
    expect(parseEnv({ ...productionEnv, RATE_LIMIT_ENABLED: 'false' }).RATE_LIMIT_ENABLED).toBe(false)
    expect(() => parseEnv({ ...demo, RATE_LIMIT_LOGIN_PER_15_MINUTES: '0' })).toThrow(/RATE_LIMIT_LOGIN_PER_15_MINUTES/)
  })

  it.each(['DATABASE_URL', 'PAYLOAD_SECRET', 'CREDENTIALS_KEY', 'SERVER_URL', 'MIDTRANS_SERVER_KEY'])('stops production start-up without %s, naming it', (name) => {
    const env: Record<string, string> = { ...productionEnv }
    delete env[name]
    expect(() => parseEnv(env)).toThrow(ConfigError)
    expect(() => parseEnv(env)).toThrow(name)
  })

  it.each([
    ['PORT', 'eighty', 'PORT'],
    ['CREDENTIALS_KEY', 'short', 'CREDENTIALS_KEY'],
    ['DATABASE_URL', 'mysql://x', 'DATABASE_URL'],
    ['SERVER_URL', 'not a url', 'SERVER_URL'],
    ['SEED_ON_EMPTY', 'maybe', 'SEED_ON_EMPTY'],
    ['APP_ENV', 'staging', 'APP_ENV'],
    ['MIDTRANS_IS_PRODUCTION', 'sometimes', 'MIDTRANS_IS_PRODUCTION'],
  ])('rejects a malformed %s', (name, value, mentioned) => {
    expect(() => parseEnv({ ...productionEnv, [name]: value })).toThrow(mentioned)
  })

  it('gives development generated secrets that survive a restart', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jasaweb-env-'))
    try {
      const first = parseEnv({ DATA_DIR: dataDir })
      const second = parseEnv({ DATA_DIR: dataDir })
      expect(first.PAYLOAD_SECRET).toMatch(/^[0-9a-f]{64}$/)
      expect(first.CREDENTIALS_KEY).toMatch(/^[0-9a-f]{64}$/)
      expect(second.CREDENTIALS_KEY).toBe(first.CREDENTIALS_KEY)
      expect(first.SEED_ON_EMPTY).toBe(true)
      expect(first.isProduction).toBe(false)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('parses MIDTRANS_IS_PRODUCTION as a real boolean ("false" is false)', () => {
    expect(parseEnv({ ...productionEnv, MIDTRANS_IS_PRODUCTION: 'false' }).MIDTRANS_IS_PRODUCTION).toBe(false)
    expect(parseEnv({ ...productionEnv, MIDTRANS_IS_PRODUCTION: 'true' }).MIDTRANS_IS_PRODUCTION).toBe(true)
  })

  it('trusts no proxy unless TRUST_PROXY says which, and stops start-up on a bad value, naming it', () => {
    expect(parseEnv(productionEnv).TRUST_PROXY).toEqual({ kind: 'none' })
    expect(parseEnv({ ...productionEnv, TRUST_PROXY: '' }).TRUST_PROXY).toEqual({ kind: 'none' })
    expect(parseEnv({ ...productionEnv, TRUST_PROXY: 'false' }).TRUST_PROXY).toEqual({ kind: 'none' })
    expect(parseEnv({ ...productionEnv, TRUST_PROXY: '2' }).TRUST_PROXY).toEqual({ kind: 'hops', hops: 2 })
    expect(parseEnv({ ...productionEnv, TRUST_PROXY: '127.0.0.1,10.0.0.0/8,::1' }).TRUST_PROXY).toMatchObject({ kind: 'ranges' })
    expect(() => parseEnv({ ...productionEnv, TRUST_PROXY: '10.0.0.0/8,lb.internal' })).toThrow(ConfigError)
    expect(() => parseEnv({ ...productionEnv, TRUST_PROXY: '10.0.0.0/8,lb.internal' })).toThrow(/TRUST_PROXY: "lb.internal" is not an IP address or CIDR range/)
    expect(() => parseEnv({ ...productionEnv, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: "true" would trust any X-Forwarded-For/)
  })

  it('treats empty strings as unset', () => {
    expect(parseEnv({ ...productionEnv, SMTP_HOST: '' }).SMTP_HOST).toBeUndefined()
  })
})
