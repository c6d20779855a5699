import { securityHeaders } from '../../security/securityHeaders'

const asObject = (options: Parameters<typeof securityHeaders>[0]) => Object.fromEntries(securityHeaders(options))

describe('security headers', () => {
  it('forbid framing by others, sniffing, plugins and foreign form targets everywhere', () => {
    const headers = asObject({ isProduction: false, serverUrl: 'http://localhost:3000' })
    expect(headers['Content-Security-Policy']!.split('; ')).toEqual(["frame-ancestors 'self'", "base-uri 'self'", "object-src 'none'", "form-action 'self'"])
    expect(headers).toMatchObject({ 'X-Frame-Options': 'SAMEORIGIN', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin' })
    expect(headers['Strict-Transport-Security']).toBeUndefined()
  })

  it('add HSTS and upgrade-insecure-requests only in production over HTTPS', () => {
    const live = asObject({ isProduction: true, serverUrl: 'https://jasaweb.id' })
    expect(live['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains')
    expect(live['Content-Security-Policy']).toContain('upgrade-insecure-requests')
    expect(asObject({ isProduction: true, serverUrl: 'http://10.0.0.5:3000' })['Strict-Transport-Security']).toBeUndefined()
    expect(asObject({ isProduction: false, serverUrl: 'https://staging.jasaweb.id' })['Strict-Transport-Security']).toBeUndefined()
  })
})
