import type { ActionIO, RunContext } from './action-io.js'
import type { GitHubApi } from './github-api.js'

export interface PullRequest {
  readonly number: number
  readonly headSha: string
  readonly baseSha: string
}

export function readPullRequest(context: RunContext): PullRequest | undefined {
  const pull = context.payload.pull_request as
    { number?: unknown; head?: { sha?: unknown }; base?: { sha?: unknown } } | undefined
  if (typeof pull?.number !== 'number') return undefined
  return {
    number: pull.number,
    headSha: typeof pull.head?.sha === 'string' ? pull.head.sha : context.sha,
    baseSha: typeof pull.base?.sha === 'string' ? pull.base.sha : ''
  }
}

export async function readChangedLines(
  io: ActionIO,
  api: GitHubApi | undefined,
  pull: PullRequest
): Promise<Map<string, Set<number>> | undefined> {
  if (api === undefined) return undefined
  try {
    return await api.changedLines(pull.number)
  } catch (error) {
    io.info(
      `could not list the pull request's changed lines (${error instanceof Error ? error.message.slice(0, 120) : 'error'}); annotations keep report order`
    )
    return undefined
  }
}
