import { readdirSync, readFileSync } from 'node:fs'

/**
 * The resident memory of a process and all its descendants, from /proc (Linux). Sandboxed servers
 * run in their own PID namespace, but the host's /proc still shows them under host PIDs.
 * Undefined where /proc is not available.
 */
export function treeRssBytes(root: number): number | undefined {
  let entries: string[]
  try {
    entries = readdirSync('/proc')
  } catch {
    return undefined
  }
  const children = new Map<number, number[]>()
  for (const entry of entries) {
    const pid = Number(entry)
    if (!Number.isInteger(pid)) continue
    const parent = parentOf(pid)
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid])
  }
  let total = 0
  const stack = [root]
  const seen = new Set<number>()
  while (stack.length > 0) {
    const pid = stack.pop() ?? 0
    if (seen.has(pid)) continue
    seen.add(pid)
    total += rssOf(pid)
    stack.push(...(children.get(pid) ?? []))
  }
  return total
}

/** Processes whose command line contains `marker`: how tests look for orphans. */
export function processesWith(marker: string): number[] {
  const found: number[] = []
  for (const entry of safeList('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid) || pid === process.pid) continue
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) found.push(pid)
    } catch {
      // The process ended while being read.
    }
  }
  return found
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name is in parentheses and may contain spaces: fields restart after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[1])
  } catch {
    return undefined
  }
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kilobytes = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]
    return kilobytes === undefined ? 0 : Number(kilobytes) * 1024
  } catch {
    return 0
  }
}

function safeList(path: string): string[] {
  try {
    return readdirSync(path)
  } catch {
    return []
  }
}
