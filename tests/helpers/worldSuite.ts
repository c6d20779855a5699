import { createApi, type Api } from './api'
import { createWorld, PASSWORD, type World } from './fixtures'
import { createTestPayload, type TestContext } from './testPayload'

export type WorldSuite = {
  ctx: TestContext
  api: Api
  world: World
  /** Logged-in JWTs of the world's four people. */
  tokens: { admin: string; editor: string; clientA: string; clientB: string }
}

/**
 * The usual test-file frame: its own database, the REST/GraphQL client, a world of users
 * and projects, and everyone logged in. Fields are filled in beforeAll; read them in tests.
 */
export function useWorldSuite(): WorldSuite {
  const suite = {} as WorldSuite
  beforeAll(async () => {
    suite.ctx = await createTestPayload()
    suite.api = createApi(suite.ctx.config)
    suite.world = await createWorld(suite.ctx.payload)
    const { admin, editor, clientA, clientB } = suite.world
    suite.tokens = {
      admin: await suite.api.login(admin.email, PASSWORD),
      editor: await suite.api.login(editor.email, PASSWORD),
      clientA: await suite.api.login(clientA.email, PASSWORD),
      clientB: await suite.api.login(clientB.email, PASSWORD),
    }
  })
  afterAll(async () => suite.ctx?.close())
  return suite
}
