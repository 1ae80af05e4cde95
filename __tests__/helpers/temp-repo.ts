import { afterAll, afterEach } from '@jest/globals'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeFiles, type RepoFiles } from './repo-files.js'

export { writeFileAt, writeFiles, type RepoFiles } from './repo-files.js'

export interface RepoOptions {
  /**
   * mkdtemp's prefix: where the directory is made and how its name starts. Default: in the system's
   * temp directory; a test that needs it elsewhere (inside the project, or in a directory another
   * user may read) says where.
   */
  readonly prefix?: string
  /**
   * Copied in before the files are written, as repo-relative destination (`.`: the root) → a
   * directory or file on disk: a fixture repository, or the servers a config launches.
   */
  readonly copy?: Readonly<Record<string, string>>
  /** Source paths the copy leaves out: a fixture's golden file is no part of the repository. */
  readonly leaveOut?: (source: string) => boolean
}

export interface TempRepo {
  readonly root: string
  readonly remove: () => void
}

/** A throwaway repository on disk: the copies, then the files. The caller removes it. */
export function makeRepo(files: RepoFiles = {}, options: RepoOptions = {}): TempRepo {
  const root = mkdtempSync(options.prefix ?? join(tmpdir(), 'mcp-lint-test-'))
  const { leaveOut } = options
  for (const [to, from] of Object.entries(options.copy ?? {})) {
    cpSync(from, join(root, to), {
      recursive: true,
      ...(leaveOut === undefined ? {} : { filter: (source: string) => !leaveOut(source) })
    })
  }
  writeFiles(root, files)
  return {
    root,
    remove: () => {
      rmSync(root, { recursive: true, force: true })
    }
  }
}

/**
 * A `makeRepo` whose repositories are removed after the test file's tests (`all`) or after each
 * test (`each`), so that a test failing half-way leaves nothing behind. Call it where Jest takes
 * hooks (the top of the file, or a describe block): it registers the hook. Returns the root.
 */
export function tempRepos(
  after: 'all' | 'each' = 'all'
): (files?: RepoFiles, options?: RepoOptions) => string {
  const made: TempRepo[] = []
  const removeMade = () => {
    for (const repo of made.splice(0)) repo.remove()
  }
  if (after === 'each') afterEach(removeMade)
  else afterAll(removeMade)
  return (files = {}, options = {}) => {
    const repo = makeRepo(files, options)
    made.push(repo)
    return repo.root
  }
}

/** An empty directory for the whole test file, removed after its tests. Call it where `tempRepos` is. */
export function scratchDir(): string {
  return tempRepos()()
}
