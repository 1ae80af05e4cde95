import { constants } from 'node:fs'
import { lstat, mkdir, open, realpath } from 'node:fs/promises'
import { join } from 'node:path'
import { UsageError } from './errors.js'

/**
 * Writes a repo-relative file without leaving the repository: no directory on the way and not the
 * file itself may be a symlink (a dangling one would have the write create its target, anywhere),
 * and missing directories are made inside the root. For `init` and `sync`, which write where a
 * pull request may have put a symlink.
 */
export async function writeRepoFile(root: string, path: string, text: string): Promise<void> {
  const parts = path.split('/')
  const name = parts.pop() ?? ''
  let dir = await realpath(root)
  for (const part of parts) {
    dir = join(dir, part)
    const info = await lstat(dir).catch(() => undefined)
    if (info === undefined) await mkdir(dir)
    else if (info.isSymbolicLink() || !info.isDirectory())
      throw new UsageError(
        `${path}: ${part} is ${info.isSymbolicLink() ? 'a symlink' : 'not a directory'}; mcp-lint writes only inside the repository and never through a symlink`
      )
  }
  let handle
  try {
    handle = await open(
      join(dir, name),
      constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW,
      0o644
    )
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ELOOP')
      throw new UsageError(
        `${path} is a symlink; mcp-lint writes only inside the repository and never through a symlink`
      )
    throw error
  }
  try {
    await handle.writeFile(text, 'utf8')
  } finally {
    await handle.close()
  }
}
