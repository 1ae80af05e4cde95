import { mkdir, open, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'

/**
 * Writes a file, creating the directories it needs one by one. Not `mkdir(dir, { recursive: true })`:
 * under a parent that exists but where mkdir answers ENOENT (`/proc/x`), Node's recursive mkdir
 * retries the parent and the child forever, spinning a core.
 */
export async function writeFileMakingDirectories(path: string, text: string): Promise<void> {
  await makeDirectories(path)
  await writeFile(path, text, 'utf8')
}

/**
 * Makes the directories `path` needs and proves the file can be written there, before a run
 * that may take minutes: throws with the reason when it cannot. A file that was not there before
 * is not left behind.
 */
export async function prepareWriteTarget(path: string): Promise<void> {
  await makeDirectories(path)
  const before = await stat(path).catch(() => undefined)
  if (before?.isDirectory() === true) throw new Error('it is a directory')
  if (before !== undefined && !before.isFile()) return
  const handle = await open(path, 'a')
  await handle.close()
  if (before === undefined) await rm(path, { force: true })
}

async function makeDirectories(path: string): Promise<void> {
  const missing: string[] = []
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    if (await exists(dir)) break
    missing.push(dir)
    if (dirname(dir) === dir) break
  }
  for (const dir of missing.reverse()) {
    try {
      await mkdir(dir)
    } catch (error) {
      // Another process may create it in between; anything else stops here.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}
