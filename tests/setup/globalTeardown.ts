import fs from 'node:fs'

import { testState } from './testState'

export default async function globalTeardown(): Promise<void> {
  await testState.stopDatabase?.()
  if (testState.workDir) fs.rmSync(testState.workDir, { recursive: true, force: true })
}
