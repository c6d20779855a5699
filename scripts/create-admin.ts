/**
 * `pnpm create-admin <email> <name> [password]`: creates an admin (or promotes an existing user) on the
 * configured database. The password is the optional third argument, or generated and printed.
 */
import { randomBytes } from 'node:crypto'
import { z } from 'zod'

import { closePayloadPool } from '../db/closePayloadPool'
import { ensureDatabase } from '../db/ensureDatabase'
import { loadPayload } from '../db/loadPayload'
import { getConfig, loadDotEnv, useDatabaseUrl } from '../lib/env'

const args = z
  .tuple([z.email({ error: 'first argument must be an email address' }), z.string().min(1, 'second argument is the name')], z.string().min(10, 'password must have at least 10 characters'))
  .safeParse(process.argv.slice(2))
if (!args.success) {
  console.error(`usage: pnpm create-admin <email> <name> [password]\n${args.error.issues.map((issue) => issue.message).join('\n')}`)
  process.exit(2)
}
const [email, name, chosenPassword] = args.data

loadDotEnv()
const database = await ensureDatabase(getConfig(), (message) => console.log(message))
useDatabaseUrl(database.url)
const payload = await loadPayload()
const { applyMigrations } = await import('../db/prepareDatabase')
await applyMigrations(payload)

const password = chosenPassword ?? randomBytes(12).toString('base64url')
const { docs } = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, overrideAccess: true })
if (docs[0]) {
  await payload.update({ collection: 'users', id: docs[0].id, data: { role: 'admin' }, overrideAccess: true })
  console.log(`${email} is now an admin (password unchanged).`)
} else {
  await payload.create({ collection: 'users', data: { email, name, password, role: 'admin' }, overrideAccess: true })
  console.log(`created admin ${email} with password: ${password}`)
}
await closePayloadPool(payload)
await database.stop()
process.exit(0)
