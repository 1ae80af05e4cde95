import { open, rm, stat } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * Why the report cannot be written to `path`, or undefined when it can. Checked before the lint,
 * which can take minutes with --enumerate, by opening the file for appending (what the write will
 * meet: permissions, read-only mounts, /proc) and removing it again if it was not there. No
 * directory is created: a missing one is a typo more often than a wish.
 */
export async function reportTargetProblem(path: string): Promise<string | undefined> {
  const before = await stat(path).catch(() => undefined)
  if (before?.isDirectory() === true) return 'it is a directory'
  // Opening a FIFO or a device to test it would block or end the reader's input; the write tells.
  if (before !== undefined && !before.isFile()) return undefined
  try {
    const handle = await open(path, 'a')
    await handle.close()
  } catch (error) {
    return describe(path, error)
  }
  if (before === undefined) await rm(path, { force: true })
  return undefined
}

async function describe(path: string, error: unknown): Promise<string> {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
  const dir = dirname(path)
  if (code === 'ENOENT' && (await stat(dir).catch(() => undefined)) === undefined)
    return `the directory ${dir} does not exist (mcp-lint creates none)`
  if (code === 'ENOTDIR') return `a part of ${dir} is not a directory (ENOTDIR)`
  if (code === 'EISDIR') return 'it is a directory'
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (${code})`
  if (code === 'EROFS') return 'the file system is read-only (EROFS)'
  return `it cannot be created there (${code})`
}
