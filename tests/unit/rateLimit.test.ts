import { SignJWT } from 'jose'

import { classifyRequest } from '../../rateLimit/classifyRequest'
import { payloadJwtKey, requestIdentity } from '../../rateLimit/requestIdentity'

const client = { userId: '7', role: 'client' }
const admin = { userId: '1', role: 'admin' }
const api = (method: string, path: string) => ({ method, path, isServerAction: false })
const action = (path: string) => ({ method: 'POST', path, isServerAction: true })

describe('which budgets a request spends', () => {
  it('puts the strict route budget before the general one', () => {
    expect(classifyRequest(api('POST', '/api/users/login'), null)).toEqual(['login', 'anonymous'])
    expect(classifyRequest(api('POST', '/api/users'), null)).toEqual(['register', 'anonymous'])
    expect(classifyRequest(api('POST', '/api/users/forgot-password'), null)).toEqual(['passwordReset', 'anonymous'])
    expect(classifyRequest(api('POST', '/api/users/reset-password'), null)).toEqual(['passwordReset', 'anonymous'])
    expect(classifyRequest(api('POST', '/api/invoices/12/pay'), client)).toEqual(['pay', 'user'])
    expect(classifyRequest(api('POST', '/api/v1/invoices/12/pay'), client)).toEqual(['pay', 'user'])
  })

  it('counts the site forms like their API routes', () => {
    expect(classifyRequest(action('/masuk'), null)).toEqual(['login', 'anonymous'])
    expect(classifyRequest(action('/daftar'), null)).toEqual(['register', 'anonymous'])
    expect(classifyRequest(action('/lupa-password'), null)).toEqual(['passwordReset', 'anonymous'])
    expect(classifyRequest(action('/reset-password'), null)).toEqual(['passwordReset', 'anonymous'])
    expect(classifyRequest(action('/portal/tagihan/3'), client)).toEqual(['user'])
  })

  it('gives the general budget by who is asking: IP, account, or an admin account', () => {
    expect(classifyRequest(api('GET', '/api/projects'), null)).toEqual(['anonymous'])
    expect(classifyRequest(api('GET', '/api/projects'), client)).toEqual(['user'])
    expect(classifyRequest(api('GET', '/api/projects'), admin)).toEqual(['admin'])
    // GET of the login route is not a login attempt.
    expect(classifyRequest(api('GET', '/api/users/login'), null)).toEqual(['anonymous'])
  })

  it("gives the Midtrans webhook only its own budget, and leaves pages and assets alone", () => {
    expect(classifyRequest(api('POST', '/api/webhooks/midtrans'), null)).toEqual(['webhook'])
    expect(classifyRequest(api('GET', '/'), null)).toEqual([])
    expect(classifyRequest(api('GET', '/_next/static/chunks/main.js'), null)).toEqual([])
    expect(classifyRequest(api('POST', '/masuk'), null)).toEqual([])
  })
})

describe('who is asking', () => {
  const secret = 'rahasia-payload-untuk-uji-0123456789'
  const key = payloadJwtKey(secret)
  const sign = (claims: Record<string, unknown>, signingKey = key, expiresIn = '1h') =>
    new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt().setExpirationTime(expiresIn).sign(signingKey)

  it('reads the account and role from the session cookie or the Authorization header', async () => {
    const token = await sign({ id: 42, collection: 'users', role: 'admin', email: 'a@b.id' })
    expect(await requestIdentity({ cookie: `other=1; payload-token=${token}; x=y` }, key)).toEqual({ userId: '42', role: 'admin' })
    expect(await requestIdentity({ authorization: `JWT ${token}` }, key)).toEqual({ userId: '42', role: 'admin' })
    expect(await requestIdentity({ authorization: `Bearer ${token}` }, key)).toEqual({ userId: '42', role: 'admin' })
  })

  it('counts a forged, expired or foreign token as anonymous', async () => {
    const forged = await sign({ id: 42, collection: 'users', role: 'admin' }, payloadJwtKey('another-secret-entirely-0123456789'))
    const expired = await sign({ id: 42, collection: 'users', role: 'admin' }, key, '-1s')
    const noCollection = await sign({ id: 42, role: 'admin' })
    for (const token of [forged, expired, noCollection, 'not-a-jwt', '']) {
      expect(await requestIdentity({ authorization: `JWT ${token}` }, key)).toBeNull()
    }
    expect(await requestIdentity({}, key)).toBeNull()
  })
})
