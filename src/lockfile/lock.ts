import { join } from 'node:path'
import type { Enumeration } from '../model/tools.js'
import { loadLockfile, loadWorkspace, type EnumerateRequest, type LintOptions } from '../lint.js'
import { enumerateTools } from '../pipeline/enumerate-tools.js'
import { buildLockfile, formatLockfile, LOCKFILE_PATH } from './lockfile.js'

export interface LockResult {
  /** Absolute path of the lockfile to write. */
  readonly path: string
  readonly text: string
  readonly before: string | undefined
  readonly enumeration: Enumeration
}

/** `mcp-lint lock`: enumerate every server and pin its tools; entries that failed keep their old pin. */
export async function lock(
  options: LintOptions & { readonly enumerate: EnumerateRequest }
): Promise<LockResult> {
  const { root, config, workspace } = await loadWorkspace(options)
  const previous = await loadLockfile(root, undefined)
  const enumeration = await enumerateTools(workspace, root, config, options.enumerate)
  const text = formatLockfile(buildLockfile(enumeration, previous?.lockfile))
  return {
    path: join(root, LOCKFILE_PATH),
    text,
    before: previous === undefined ? undefined : formatLockfile(previous.lockfile),
    enumeration
  }
}
