import { readFile } from 'node:fs/promises'
import { BASELINE_PATH, parseBaseline, type Baseline } from '../baseline/baseline.js'
import { LOCKFILE_PATH, parseLockfile, type LoadedLockfile } from '../lockfile/lockfile.js'
import { readRepoFile } from '../parse/read-file.js'
import type { BaseRevision } from '../trust/base-revision.js'
import { UsageError } from '../util/errors.js'

/** The lockfile to compare with: an explicit path, or the repository's own if it has one. */
export async function loadLockfile(
  root: string,
  explicit: string | undefined
): Promise<LoadedLockfile | undefined> {
  if (explicit !== undefined) {
    let text: string
    try {
      text = await readFile(explicit, 'utf8')
    } catch (error) {
      throw new UsageError(
        `cannot read the lockfile ${explicit}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`
      )
    }
    return parseLockfile(explicit, text)
  }
  const outcome = await readRepoFile(root, LOCKFILE_PATH, { maxBytes: 64 * 1024 * 1024 })
  if (outcome.status === 'missing') return undefined
  if (outcome.status === 'problem')
    throw new UsageError(`${LOCKFILE_PATH}: the file ${outcome.problem.detail}`)
  return parseLockfile(LOCKFILE_PATH, outcome.text)
}

/**
 * The base revision's lockfile: any answer but "there is none" that is not the file itself fails
 * the run, since falling back to the branch's copy would let a PR pin its own tools.
 */
export async function loadBaseLockfile(base: BaseRevision): Promise<LoadedLockfile | undefined> {
  const text = await base.read(LOCKFILE_PATH)
  return text === null ? undefined : parseLockfile(`${LOCKFILE_PATH} (${base.label})`, text)
}

/**
 * The baseline of accepted findings: the base revision's on a pull request (a branch cannot accept
 * its own findings), else the repository's, if it has one.
 */
export async function loadBaseline(
  root: string,
  base: BaseRevision | undefined
): Promise<{ path: string; baseline: Baseline } | undefined> {
  if (base !== undefined) {
    const text = await base.read(BASELINE_PATH)
    const path = `${BASELINE_PATH} (${base.label})`
    return text === null ? undefined : { path, baseline: parseBaseline(path, text) }
  }
  const outcome = await readRepoFile(root, BASELINE_PATH, { maxBytes: 64 * 1024 * 1024 })
  if (outcome.status === 'missing') return undefined
  if (outcome.status === 'problem')
    throw new UsageError(`${BASELINE_PATH}: the file ${outcome.problem.detail}`)
  return { path: BASELINE_PATH, baseline: parseBaseline(BASELINE_PATH, outcome.text) }
}
