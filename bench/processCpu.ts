import fs from 'node:fs'

type ProcessStat = { pid: number; ppid: number; pgid: number; name: string; cpuSeconds: number; cmdline: string }

function processes(): ProcessStat[] {
  const found: ProcessStat[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ')
      // The command name is in parentheses and may contain spaces; the fields follow it.
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      found.push({ pid: Number(entry), ppid: Number(fields[1]), pgid: Number(fields[2]), name, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100, cmdline })
    } catch {
      // exited meanwhile
    }
  }
  return found
}

/**
 * CPU seconds (user + system) used so far by each of the app's processes, by pid: the
 * processes of its group (the Node server), and the PostgreSQL serving `dataDir` with its
 * backends (started under another user and session, so not in the group).
 */
export function appCpu(pgid: number, dataDir: string): Map<number, { kind: string; seconds: number }> {
  const all = processes()
  const postmasters = new Set(all.filter((proc) => proc.name.startsWith('postgres') && proc.cmdline.includes(dataDir)).map((proc) => proc.pid))
  const found = new Map<number, { kind: string; seconds: number }>()
  for (const proc of all) {
    const kind = postmasters.has(proc.pid) || postmasters.has(proc.ppid) ? 'postgres' : proc.pgid === pgid ? proc.name : undefined
    if (kind) found.set(proc.pid, { kind, seconds: proc.cpuSeconds })
  }
  return found
}

/**
 * Where a phase's CPU went: the app (the Node server and its PostgreSQL) and this process
 * (the load generator and the Midtrans stand-in), as cores used on average. A process that
 * exits during the phase (an idle pool connection's backend) takes its share with it.
 */
export async function measureCpu<T>(app: { pid: number; dataDir: string }, work: () => Promise<T>): Promise<{ result: T; cores: Record<string, number> }> {
  const before = appCpu(app.pid, app.dataDir)
  const self = process.cpuUsage()
  const started = performance.now()
  const result = await work()
  // A load that reports its own active time (the cannon's first request to last answer) is measured over that.
  const active = (result as { seconds?: unknown }).seconds
  const seconds = typeof active === 'number' && active > 0 ? active : (performance.now() - started) / 1000
  const after = appCpu(app.pid, app.dataDir)
  const own = process.cpuUsage(self)
  const cores: Record<string, number> = {}
  for (const [pid, { kind, seconds: total }] of after) {
    cores[`app ${kind}`] = (cores[`app ${kind}`] ?? 0) + (total - (before.get(pid)?.seconds ?? 0)) / seconds
  }
  cores['load generator + stand-in'] = (own.user + own.system) / 1e6 / seconds
  return { result, cores }
}

export function describeCpu(cores: Record<string, number>): string {
  const parts = Object.entries(cores).filter(([, value]) => value >= 0.01).map(([kind, value]) => `${kind} ${value.toFixed(2)}`)
  const total = Object.values(cores).reduce((sum, value) => sum + value, 0)
  return `cores used: ${parts.join(', ')} (total ${total.toFixed(2)} of 2)`
}
