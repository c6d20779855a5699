/**
 * How Node must run our TypeScript entry points (server, scripts, worker, benches, test
 * children). One place, so package.json, the test helpers and the benches agree.
 *
 * Why `--conditions=production`: Lexical's "node" export (Lexical.node.mjs and one per
 * @lexical package) picks its build with a top-level `await import()`. With a dozen of them
 * importing each other, Node 20's loader now and then leaves one of those awaits unsettled
 * and the process exits with code 13 before printing anything: about 1 start in 30 under
 * tsx, 1 in 2 for a plain `import '@payloadcms/richtext-lexical'`. The "production"
 * condition comes first in Lexical's export map and names the built file directly, so no
 * top-level await is left to race.
 */
export const NODE_CONDITION = 'production'
export const NODE_TS_FLAGS = [`--conditions=${NODE_CONDITION}`, '--import', 'tsx']

/** The conditions asked for by flags (`--conditions=x`, `--conditions x`, `-C x`, `-C=x`). */
export function requestedConditions(flags: string[]): string[] {
  const conditions: string[] = []
  flags.forEach((flag, index) => {
    const joined = /^(?:--conditions|-C)=(.+)$/.exec(flag)
    if (joined) conditions.push(joined[1]!)
    else if ((flag === '--conditions' || flag === '-C') && flags[index + 1]) conditions.push(flags[index + 1]!)
  })
  return conditions
}

/** Whether this process was started with the condition, on its command line or in NODE_OPTIONS. */
export function hasNodeCondition(execArgv: string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  const flags = [...execArgv, ...nodeOptions.split(/\s+/).filter(Boolean)]
  return requestedConditions(flags).includes(NODE_CONDITION)
}

export class NodeFlagsError extends Error {}

/** A clear start-up error instead of a random silent exit 13 a few seconds later. */
export function assertNodeCondition(): void {
  if (hasNodeCondition()) return
  throw new NodeFlagsError(
    `Node was started without --conditions=${NODE_CONDITION}. Without it Lexical's top-level awaits can leave the process ` +
      `exiting with code 13 while Payload loads. Run it through pnpm (pnpm start, pnpm worker, pnpm migrate…) or as ` +
      `node ${NODE_TS_FLAGS.join(' ')} <file>.`,
  )
}
