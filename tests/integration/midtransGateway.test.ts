import { createMidtransGateway } from '../../payments/midtransGateway'
import { MidtransStandIn } from '../../payments/midtransStandIn'
import { PaymentProviderRejected, PaymentProviderUnavailable } from '../../lib/errors'

const SERVER_KEY = 'SB-Mid-server-test-key'
let standIn: MidtransStandIn
let served: { url: string; close: () => Promise<void> }

beforeEach(async () => {
  standIn = new MidtransStandIn(SERVER_KEY, () => served.url)
  served = await standIn.listen()
})
afterEach(async () => served.close())

const chargeBody = (orderId: string, amount = 150_000) => ({
  payment_type: 'qris',
  transaction_details: { order_id: orderId, gross_amount: amount },
  item_details: [{ id: 'inv', name: 'Invoice', price: amount, quantity: 1 }],
  qris: { acquirer: 'gopay' },
})

it('charges through midtrans-client with the server key and reads the status back', async () => {
  const gateway = createMidtransGateway({ serverKey: SERVER_KEY, isProduction: false, baseUrl: served.url })
  const charge = await gateway.charge(chargeBody('INV-1-1-aa'))
  expect(charge).toMatchObject({ status_code: '201', transaction_status: 'pending', gross_amount: '150000.00', order_id: 'INV-1-1-aa' })
  expect(typeof charge.qr_string).toBe('string')
  expect(standIn.charges).toEqual([chargeBody('INV-1-1-aa')])
  const status = await gateway.status('INV-1-1-aa')
  expect(status.transaction_status).toBe('pending')
})

it('turns a refusal by Midtrans (reused order id) into a clear 502', async () => {
  const gateway = createMidtransGateway({ serverKey: SERVER_KEY, isProduction: false, baseUrl: served.url })
  await gateway.charge(chargeBody('INV-1-1-bb'))
  await expect(gateway.charge(chargeBody('INV-1-1-bb'))).rejects.toBeInstanceOf(PaymentProviderRejected)
})

it('refuses a wrong server key as a rejection, not an outage', async () => {
  const gateway = createMidtransGateway({ serverKey: 'wrong', isProduction: false, baseUrl: served.url })
  await expect(gateway.charge(chargeBody('INV-1-1-cc'))).rejects.toBeInstanceOf(PaymentProviderRejected)
})

it('answers 503 within the timeout when Midtrans hangs, opens the breaker, and recovers', async () => {
  const gateway = createMidtransGateway({ serverKey: SERVER_KEY, isProduction: false, baseUrl: served.url, timeoutMs: 300, breakerFailures: 2, halfOpenAfterMs: 300 })
  standIn.mode = 'hang'
  const started = Date.now()
  await expect(gateway.charge(chargeBody('INV-1-1-dd'))).rejects.toBeInstanceOf(PaymentProviderUnavailable)
  expect(Date.now() - started).toBeLessThan(2_000)
  await expect(gateway.charge(chargeBody('INV-1-1-ee'))).rejects.toBeInstanceOf(PaymentProviderUnavailable)
  // Open: refused at once without calling Midtrans.
  standIn.mode = 'normal'
  const chargesBefore = standIn.charges.length
  await expect(gateway.charge(chargeBody('INV-1-1-ff'))).rejects.toBeInstanceOf(PaymentProviderUnavailable)
  expect(standIn.charges.length).toBe(chargesBefore)
  // Half-open after the pause: one success closes it again.
  await new Promise((resolve) => setTimeout(resolve, 400))
  await expect(gateway.charge(chargeBody('INV-1-1-gg'))).resolves.toMatchObject({ transaction_status: 'pending' })
})

it('answers 503 when Midtrans returns 5xx', async () => {
  const gateway = createMidtransGateway({ serverKey: SERVER_KEY, isProduction: false, baseUrl: served.url, timeoutMs: 500 })
  standIn.mode = 'down'
  await expect(gateway.status('anything')).rejects.toBeInstanceOf(PaymentProviderUnavailable)
})
