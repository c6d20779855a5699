import { createProject } from '../helpers/fixtures'
import { useBuiltInSimulator } from '../helpers/midtransStandIn'
import { useWorldSuite } from '../helpers/worldSuite'

useBuiltInSimulator()
const suite = useWorldSuite()

it('pays an invoice end to end offline: Bayar, then simulate payment', async () => {
  const { project, invoice } = await createProject(suite.ctx.payload, suite.world.clientA, suite.world.tier, 'Proyek demo')
  const pay = await suite.api.rest('POST', `/invoices/${invoice.id}/pay`, { token: suite.tokens.clientA })
  expect(pay.status).toBe(201)
  expect(pay.body.simulated).toBe(true)
  const simulated = await suite.api.rest('POST', `/invoices/${invoice.id}/simulate-payment`, { token: suite.tokens.clientA })
  expect(simulated.status).toBe(200)
  expect(simulated.body.result).toBe('paid')
  const paidInvoice = await suite.ctx.payload.findByID({ collection: 'invoices', id: invoice.id, overrideAccess: true })
  const startedProject = await suite.ctx.payload.findByID({ collection: 'projects', id: project.id, overrideAccess: true })
  expect(paidInvoice.status).toBe('paid')
  expect(startedProject.status).toBe('in_progress')
  const events = await suite.ctx.payload.find({ collection: 'payment-events', where: { invoice: { equals: invoice.id } }, overrideAccess: true })
  expect(events.docs.some((event) => event.verified && event.result === 'paid')).toBe(true)
})

it("refuses to simulate another client's invoice", async () => {
  const { invoice } = await createProject(suite.ctx.payload, suite.world.clientA, suite.world.tier, 'Proyek demo A')
  await suite.api.rest('POST', `/invoices/${invoice.id}/pay`, { token: suite.tokens.clientA })
  const result = await suite.api.rest('POST', `/invoices/${invoice.id}/simulate-payment`, { token: suite.tokens.clientB })
  expect(result.status).toBe(404)
  expect((await suite.ctx.payload.findByID({ collection: 'invoices', id: invoice.id, overrideAccess: true })).status).toBe('unpaid')
})

it('asks to start the payment first when there is no pending QRIS', async () => {
  const { invoice } = await createProject(suite.ctx.payload, suite.world.clientA, suite.world.tier, 'Proyek demo B')
  const result = await suite.api.rest('POST', `/invoices/${invoice.id}/simulate-payment`, { token: suite.tokens.clientA })
  expect(result.status).toBe(409)
})
