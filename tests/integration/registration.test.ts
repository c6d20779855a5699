/**
 * Registration on the public site (/daftar): the form's schema, then `registerClient`, which
 * creates the account through Payload with the visitor's rights.
 */
import { registerClient, RegistrationRejected } from '../../accounts/registerClient'
import { registrationSchema } from '../../src/lib/forms/authSchemas'
import { fieldErrorsOf } from '../../src/lib/forms/formState'
import { registrationForm } from '../helpers/accountForms'
import { createApi } from '../helpers/api'
import { createTestPayload, type TestContext } from '../helpers/testPayload'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestPayload()
})
afterAll(async () => ctx?.close())

async function register(fields: Record<string, string | undefined>) {
  const parsed = registrationSchema.safeParse(fields)
  if (!parsed.success) throw new Error(`the form was refused: ${JSON.stringify(fieldErrorsOf(parsed.error))}`)
  return registerClient(ctx.payload, parsed.data)
}

async function rejection(promise: Promise<unknown>): Promise<RegistrationRejected> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  if (!(error instanceof RegistrationRejected)) throw new Error(`expected RegistrationRejected, got ${String(error)}`)
  return error
}

it('creates a client who can log in', async () => {
  const user = await register(registrationForm())
  expect(user).toMatchObject({ email: 'rina@smkmaju.sch.id', name: 'Rina Marlina', role: 'client', phone: '+62 811 2222 3333' })
  const token = await createApi(ctx.config).login('rina@smkmaju.sch.id', 'rahasia-123')
  expect(token).toBeTruthy()
})

it('makes a client even when the form is sent with a role', async () => {
  const user = await register({ ...registrationForm({ email: 'penyusup@contoh.id' }), role: 'admin' })
  expect(user.role).toBe('client')
})

it('refuses an email that already has an account, whatever its case, next to the email field', async () => {
  const error = await rejection(register(registrationForm({ email: 'RINA@smkmaju.sch.id', name: 'Rina Kedua' })))
  expect(error.fieldErrors).toEqual({ email: 'Email ini sudah terdaftar. Silakan masuk atau gunakan email lain.' })
  const { totalDocs } = await ctx.payload.count({ collection: 'users', where: { email: { equals: 'rina@smkmaju.sch.id' } }, overrideAccess: true })
  expect(totalDocs).toBe(1)
})

it("maps Payload's own field validation to the field, in Indonesian", async () => {
  // Past the form's schema (a client that skips the form): Payload's phone rule still holds.
  const error = await rejection(registerClient(ctx.payload, { name: 'Tanpa Form', email: 'tanpa-form@contoh.id', phone: 'telepon saya', password: 'rahasia-123', confirmPassword: 'rahasia-123', terms: 'on' }))
  expect(error.fieldErrors.phone).toMatch(/Nomor telepon/)
})
