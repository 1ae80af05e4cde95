import type { Dirent } from 'node:fs'
import { readdir, realpath } from 'node:fs/promises'
import { join, sep } from 'node:path'
import { compareText } from '../model/diagnostic.js'

// Directories that hold dependencies, build output or caches, never a project's own config.
const SKIPPED = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  'bower_components',
  'vendor',
  'dist',
  'build',
  'out',
  'target',
  'coverage',
  '.venv',
  'venv',
  '__pycache__',
  '.next',
  '.nuxt',
  '.cache',
  '.turbo',
  '.gradle',
  '.idea'
])
const MAX_ENTRIES = 20_000

/**
 * The files under `from` (repo-relative, '' for the root) up to `maxDepth` directories below it
 * that `accept` takes, sorted. Dependency and build directories and symbolic links are skipped,
 * a `from` that leads out of the repository (through a symlink) is not walked at all, and at most
 * 20,000 entries are looked at, so a huge repository costs little.
 */
export async function walkFiles(
  root: string,
  from: string,
  maxDepth: number,
  accept: (path: string) => boolean
): Promise<string[]> {
  if (!(await isInside(root, from))) return []
  const found: string[] = []
  let entries = 0
  let level = [from]
  for (let depth = 0; depth <= maxDepth && level.length > 0; depth++) {
    const next: string[] = []
    for (const directory of level) {
      let listed: Dirent[]
      try {
        listed = await readdir(join(root, directory), { withFileTypes: true })
      } catch {
        continue
      }
      for (const entry of listed) {
        if (++entries > MAX_ENTRIES) break
        const path = directory === '' ? entry.name : `${directory}/${entry.name}`
        if (entry.isDirectory() && !SKIPPED.has(entry.name)) next.push(path)
        else if (entry.isFile() && accept(path)) found.push(path)
      }
    }
    level = next.sort(compareText)
  }
  return found.sort(compareText)
}

async function isInside(root: string, from: string): Promise<boolean> {
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(join(root, from))])
    return real === realRoot || real.startsWith(`${realRoot}${sep}`)
  } catch {
    return false
  }
}
