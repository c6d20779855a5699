import { ORDER_ID_PATTERN } from '../../payments/orderId'
import { createProject } from '../helpers/fixtures'
import { useMidtransStandIn } from '../helpers/midtransStandIn'
import { useWorldSuite } from '../helpers/worldSuite'

const SERVER_KEY = 'SB-Mid-server-pay-test'
const standIn = useMidtransStandIn(SERVER_KEY)
const suite = useWorldSuite()

async function freshInvoice() {
  const { invoice } = await createProject(suite.ctx.payload, suite.world.clientA, suite.world.tier, 'Proyek bayar')
  return invoice
}

async function storedInvoice(id: number) {
  return suite.ctx.payload.findByID({ collection: 'invoices', id, overrideAccess: true, depth: 0 })
}

it('charges QRIS for the exact invoice amount with a fresh order id and records the attempt', async () => {
  const invoice = await freshInvoice()
  const before = standIn.charges.length
  const result = await suite.api.rest('POST', `/invoices/${invoice.id}/pay`, { token: suite.tokens.clientA })
  expect(result.status).toBe(201)
  expect(standIn.charges.length).toBe(before + 1)
  const sent = standIn.charges.at(-1) as Record<string, any>
  expect(sent.payment_type).toBe('qris')
  expect(sent.transaction_details).toEqual({ order_id: result.body.orderId, gross_amount: invoice.amount })
  expect(sent.item_details).toEqual([{ id: invoice.number, name: `Tagihan ${invoice.number}`, price: invoice.amount, quantity: 1 }])
  expect(sent.item_details.reduce((sum: number, item: { price: number; quantity: number }) => sum + item.price * item.quantity, 0)).toBe(sent.transaction_details.gross_amount)
  expect(result.body.orderId).toMatch(ORDER_ID_PATTERN)
  expect(result.body.orderId.startsWith(`${invoice.number}-1-`)).toBe(true)
  expect(result.body.qrImage).toMatch(/^data:image\/svg\+xml;base64,/)
  expect(Buffer.from(result.body.qrImage.split(',')[1], 'base64').toString('utf8')).toContain('<svg')
  expect(result.body.qrString).toBe(standIn.transactions.get(result.body.orderId)?.qrString)
  expect(new Date(result.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 10 * 60_000)

  const stored = await storedInvoice(invoice.id)
  expect(stored.paymentAttempts).toHaveLength(1)
  expect(stored.paymentAttempts![0]).toMatchObject({ orderId: result.body.orderId, midtransStatus: 'pending', transactionId: standIn.transactions.get(result.body.orderId)?.transactionId })
})

it('returns the still-valid pending attempt instead of charging again', async () => {
  const invoice = await freshInvoice()
  const first = await suite.api.rest('POST', `/invoices/${invoice.id}/pay`, { token: suite.tokens.clientA })
  const charges = standIn.charges.length
  const second = await suite.api.rest('POST', `/invoices/${invoice.id}/pay`, { token: suite.tokens.clientA })
  expect(second.status).toBe(200)
  expect(second.body).toMatchObject({ orderId: first.body.orderId, reused: true })
  expect(standIn.charges.length).toBe(charges)
})

it('creates one charge when the owner clicks Bayar ten times at once', async () => {
  const invoice = await freshInvoice()
  const charges = standIn.charges.length
  const results = await Promise.all(Array.from({ length: 10 }, () => suite.api.rest('POST', `/invoices/${invoice.id}/pay`, { token: suite.tokens.clientA })))
  expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201])
  expect(new Set(results.map((r) => r.body.orderId)).size).toBe(1)
  expect(standIn.charges.length).toBe(charges + 1)
  expect((await storedInvoice(invoice.id)).paymentAttempts).toHaveLength(1)
})

it.each([
  ['another client', 'clientB', 404],
  ['an admin', 'admin', 403],
  ['an editor', 'editor', 403],
] as const)('refuses %s and charges nothing', async (_who, actor, status) => {
  const invoice = await freshInvoice()
  const charges = standIn.charges.length
  const result = await suite.api.rest('POST', `/invoices/${invoice.id}/pay`, { token: suite.tokens[actor] })
  expect(result.status).toBe(status)
  expect(standIn.charges.length).toBe(charges)
  expect((await storedInvoice(invoice.id)).paymentAttempts ?? []).toHaveLength(0)
})

it('refuses anonymous callers with 401', async () => {
  const invoice = await freshInvoice()
  expect((await suite.api.rest('POST', `/invoices/${invoice.id}/pay`)).status).toBe(401)
})

it('refuses a paid invoice with 409 and a message', async () => {
  const invoice = await freshInvoice()
  await suite.ctx.payload.update({ collection: 'invoices', id: invoice.id, data: { status: 'paid', paidAt: new Date().toISOString() }, overrideAccess: true })
  const charges = standIn.charges.length
  const result = await suite.api.rest('POST', `/invoices/${invoice.id}/pay`, { token: suite.tokens.clientA })
  expect(result.status).toBe(409)
  expect(JSON.stringify(result.body)).toContain('paid')
  expect(standIn.charges.length).toBe(charges)
})

it.each(['abc', '0', '1.5', '-3'])('refuses the malformed id %s with 400', async (id) => {
  const result = await suite.api.rest('POST', `/invoices/${id}/pay`, { token: suite.tokens.clientA })
  expect(result.status).toBe(400)
})

it('answers 503 when Midtrans is down and records no attempt', async () => {
  const invoice = await freshInvoice()
  standIn.mode = 'down'
  const result = await suite.api.rest('POST', `/invoices/${invoice.id}/pay`, { token: suite.tokens.clientA })
  expect(result.status).toBe(503)
  expect(JSON.stringify(result.body)).toContain('tidak tersedia')
  expect((await storedInvoice(invoice.id)).paymentAttempts ?? []).toHaveLength(0)
})
