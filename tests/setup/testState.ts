/** postgres://…/server → postgres://…/<database> on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

/** State shared between globalSetup and globalTeardown; both run in jest's parent process. */
export const TEMPLATE_DATABASE = 'jasaweb_test_template'

type TestState = { stopDatabase?: () => Promise<void>; workDir?: string }

const holder = globalThis as typeof globalThis & { __jasawebTestState?: TestState }
holder.__jasawebTestState ??= {}

export const testState: TestState = holder.__jasawebTestState
