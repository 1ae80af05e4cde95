import { UsageError } from '../util/errors.js'
import { gitRevision, type BaseRevision } from '../trust/base-revision.js'
import type { GitHubApi } from './github-api.js'

/** Events whose checkout holds code from someone other than the workflow's owner. */
const UNTRUSTED_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group'])

/** The base commit of a pull request or merge group run, from the event payload. */
export function baseShaOf(
  eventName: string,
  payload: Readonly<Record<string, unknown>>
): string | undefined {
  if (!UNTRUSTED_EVENTS.has(eventName)) return undefined
  const pull = payload.pull_request as { base?: { sha?: unknown } } | undefined
  const group = payload.merge_group as { base_sha?: unknown } | undefined
  const sha = eventName === 'merge_group' ? group?.base_sha : pull?.base?.sha
  if (typeof sha !== 'string' || !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha))
    throw new UsageError(
      `the ${eventName} event names no base commit: mcp-lint reads its settings and lockfile from it and cannot run without it`
    )
  return sha
}

/**
 * The base commit to trust: from the local repository when the checkout has it (fetch-depth: 0),
 * otherwise through the contents API. Both fail loudly: a guess would let the branch decide.
 */
export async function baseCommit(
  root: string,
  sha: string,
  api: GitHubApi | undefined,
  /** The linted directory, relative to the repository root (`''` for the root). */
  prefix: string,
  log: (line: string) => void
): Promise<BaseRevision> {
  const local = await gitRevision(root, sha)
  if (local !== undefined) {
    log(`mcp-lint: settings and lockfile from ${local.label} (local git objects)`)
    return local
  }
  if (api === undefined)
    throw new UsageError(
      `on pull requests mcp-lint reads mcp-lint.json and the lockfile from the base commit ${sha.slice(0, 7)}, which this checkout does not have: give the step github-token (contents: read) or check out with fetch-depth: 0`
    )
  const label = `the base commit ${sha.slice(0, 7)}`
  log(`mcp-lint: settings and lockfile from ${label} (contents API)`)
  return {
    label,
    read: async (path) => {
      const inRepo = prefix === '' ? path : `${prefix}/${path}`
      try {
        return await api.readFile(inRepo, sha)
      } catch (error) {
        const status = (error as { status?: unknown }).status
        const detail = error instanceof Error ? error.message.split('\n')[0]?.slice(0, 200) : ''
        throw new UsageError(
          `cannot read ${inRepo} from ${label} (${typeof status === 'number' ? `HTTP ${status}: ` : ''}${detail ?? 'error'}); the job needs "contents: read". Not falling back to this branch's copy, which the pull request controls`
        )
      }
    }
  }
}
