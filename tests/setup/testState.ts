/** State shared between globalSetup and globalTeardown; both run in jest's parent process. */
export const TEMPLATE_DATABASE = 'jasaweb_test_template'

type TestState = { stopDatabase?: () => Promise<void>; workDir?: string }

const holder = globalThis as typeof globalThis & { __jasawebTestState?: TestState }
holder.__jasawebTestState ??= {}

export const testState: TestState = holder.__jasawebTestState
