import { UsageError } from '../util/errors.js'

/**
 * The revision whose files mcp-lint trusts on a pull request: the base commit. Its mcp-lint.json
 * decides which checks run, its lockfile approves tools, its server URLs receive bound headers.
 */
export interface BaseRevision {
  /** For messages: `the base commit 1a2b3c4`. */
  readonly label: string
  /**
   * A file's text at that revision, by its path relative to the linted directory; null when the
   * revision has no such file. Throws a UsageError when it cannot tell: never a guess.
   */
  read(path: string): Promise<string | null>
}

/** node:child_process loads only when a base revision is read: loading it costs a static run 5 ms. */
async function run(
  file: string,
  args: readonly string[],
  options: { maxBuffer: number; encoding: 'utf8' }
): Promise<{ stdout: string }> {
  const { execFile } = await import('node:child_process')
  const { promisify } = await import('node:util')
  return promisify(execFile)(file, args, options)
}

/** Larger than any lockfile mcp-lint writes; a bigger blob is refused rather than buffered. */
const MAX_BLOB_BYTES = 64 * 1024 * 1024

/**
 * The revision from the local git repository, or undefined when the commit is not there (a shallow
 * clone, as actions/checkout makes by default, or no repository at all). `cat-file` reads objects
 * only: no hooks, filters or work-tree files are involved.
 */
export async function gitRevision(root: string, rev: string): Promise<BaseRevision | undefined> {
  if (!/^[0-9A-Za-z][0-9A-Za-z._/^~@{}-]*$/.test(rev) || rev.includes('..')) return undefined
  const git = (args: readonly string[]) =>
    run('git', ['-C', root, ...args], { maxBuffer: MAX_BLOB_BYTES, encoding: 'utf8' })
  let commit: string
  try {
    commit = (await git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])).stdout.trim()
  } catch {
    return undefined
  }
  return {
    label: `the base commit ${commit.slice(0, 7)}`,
    read: async (path) => {
      // `./` makes the path relative to the linted directory, which may be below the work tree.
      const object = `${commit}:./${path}`
      let type: string
      try {
        type = (await git(['cat-file', '-t', object])).stdout.trim()
      } catch {
        return null
      }
      if (type !== 'blob')
        throw new UsageError(`${path} is a ${type}, not a file, in the base commit`)
      try {
        return (await git(['cat-file', 'blob', object])).stdout
      } catch (error) {
        throw new UsageError(
          `cannot read ${path} from the base commit ${commit.slice(0, 7)}: ${error instanceof Error ? error.message.split('\n')[0] : 'git failed'}`
        )
      }
    }
  }
}
