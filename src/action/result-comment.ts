import type { LintResult } from '../lint.js'
import { commentMarker, formatComment } from '../reporters/comment.js'
import { encodeUrlPath } from '../reporters/escape/markdown.js'
import type { ActionIO, RunContext } from './action-io.js'
import type { GitHubApi } from './github-api.js'
import type { CommentSetting } from './inputs.js'
import { upsertComment } from './sticky-comment.js'

/** Which pull request's comment, and which commit and directory its findings are on. */
export interface CommentTarget {
  readonly pull: number
  /** Tells this workflow's and path's comment apart from any other on the pull request. */
  readonly key: string
  /** The head commit that was checked; without one the comment has no links. */
  readonly sha: string | undefined
  /** The checked directory, relative to the repository root. */
  readonly path: string
}

/** The result as the pull request's sticky comment; returns the comment's URL, if any. */
export async function postResultComment(
  io: ActionIO,
  api: GitHubApi,
  result: LintResult,
  target: CommentTarget,
  setting: CommentSetting,
  failing: number
): Promise<string | undefined> {
  const marker = commentMarker(target.key)
  return upsertComment(
    api,
    target.pull,
    marker,
    formatComment(result, {
      marker,
      ...(target.sha === undefined ? {} : { sha: target.sha }),
      ...(target.sha === undefined ? {} : linkOptions(io.context, target.sha, target.path)),
      ...(io.context.runUrl === undefined ? {} : { runUrl: io.context.runUrl })
    }),
    setting,
    failing > 0,
    io.warning
  )
}

/**
 * Where the checked directory is on GitHub at `sha`, for links from the comment to each finding's
 * line: the server and repository are the runner's; the commit must be a full SHA and the path
 * plain segments, each percent-encoded, or there are no links.
 */
function linkOptions(context: RunContext, sha: string, path: string): { linkBase?: string } {
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.')
  if (!/^[0-9a-f]{40}$/.test(sha) || segments.includes('..')) return {}
  const server = context.serverUrl ?? 'https://github.com'
  const encoded = segments.length === 0 ? '' : `/${encodeUrlPath(segments.join('/'))}`
  return { linkBase: `${server}/${context.repository}/blob/${sha}${encoded}` }
}
