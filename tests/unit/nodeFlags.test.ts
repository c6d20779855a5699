/**
 * The Node flags every entry point runs with (lib/nodeFlags.ts): with them Lexical loads
 * from a file without top-level await; without them the server refuses to start.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'

import { hasNodeCondition, NODE_CONDITION, NODE_TS_FLAGS, requestedConditions } from '../../lib/nodeFlags'

const scripts = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts

/** The file Node resolves `lexical` to, as @payloadcms/richtext-lexical imports it, under the given flags. */
function lexicalEntry(flags: string[]): string {
  const program = "const base = import.meta.resolve('@payloadcms/richtext-lexical'); console.log(import.meta.resolve('lexical', base))"
  const result = spawnSync(process.execPath, [...flags, '--experimental-import-meta-resolve', '--no-warnings', '--input-type=module', '-e', program], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  })
  expect(result.stderr).toBe('')
  return fileURLToPath(result.stdout.trim())
}

const TOP_LEVEL_AWAIT = /^(?:const|let|var)\s+\w+\s*=\s*await\b|^await\b/m

describe('Node flags', () => {
  it('reads the condition however it is spelled', () => {
    expect(requestedConditions(['--conditions=production'])).toEqual(['production'])
    expect(requestedConditions(['--conditions', 'production', '-C', 'x', '-C=y'])).toEqual(['production', 'x', 'y'])
    expect(requestedConditions(['--import', 'tsx', '--conditions'])).toEqual([])
    expect(hasNodeCondition([], '--no-deprecation --conditions=production')).toBe(true)
    expect(hasNodeCondition(['--import', 'tsx'], '--conditions=development')).toBe(false)
  })

  it('makes Lexical load a file with no top-level await, where the default entry has one', () => {
    const withFlag = lexicalEntry(NODE_TS_FLAGS.filter((flag) => flag.startsWith('--conditions')))
    const without = lexicalEntry([])
    expect(withFlag).not.toBe(without)
    expect(fs.readFileSync(without, 'utf8')).toMatch(TOP_LEVEL_AWAIT)
    expect(fs.readFileSync(withFlag, 'utf8')).not.toMatch(TOP_LEVEL_AWAIT)
  })

  it('is on every script that starts Node on our TypeScript', () => {
    const nodeScripts = Object.entries(scripts).filter(([, command]) => /\b(node|tsx)\b/.test(command) && /\.ts\b|jest/.test(command))
    expect(nodeScripts.length).toBeGreaterThan(10)
    for (const [name, command] of nodeScripts) expect([name, command.includes(`--conditions=${NODE_CONDITION}`)]).toEqual([name, true])
  })

  it('the launcher refuses to start without it, and says why', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 60_000 })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`--conditions=${NODE_CONDITION}`)
  }, 70_000)
})
