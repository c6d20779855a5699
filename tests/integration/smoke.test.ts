import { createApi } from '../helpers/api'
import { createTestPayload, type TestContext } from '../helpers/testPayload'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestPayload()
})
afterAll(async () => ctx?.close())

it('serves REST from a migrated database', async () => {
  const api = createApi(ctx.config)
  const result = await api.rest('GET', '/pricing')
  expect(result.status).toBe(200)
  expect(result.body.totalDocs).toBe(0)
})
