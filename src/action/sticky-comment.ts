import type { CommentSetting } from './inputs.js'
import type { GitHubApi } from './github-api.js'

/**
 * One comment per workflow on a pull request, found again by its hidden marker and edited in
 * place on every push. With `on-failure` a comment is only created when the check fails, and an
 * existing one is still updated (to the all-clear) once it passes. Failing to comment (a fork's
 * read-only token) is a warning, never a failed run. Returns the comment's URL, if any.
 */
export async function upsertComment(
  api: GitHubApi,
  pull: number,
  marker: string,
  body: string,
  setting: CommentSetting,
  failing: boolean,
  warn: (message: string) => void
): Promise<string | undefined> {
  if (setting === 'false') return undefined
  try {
    const existing = (await api.listIssueComments(pull)).find((comment) =>
      comment.body.startsWith(marker)
    )
    if (existing !== undefined) {
      if (existing.body === body) return existing.url
      return (await api.updateIssueComment(existing.id, body)).url
    }
    if (setting === 'on-failure' && !failing) return undefined
    return (await api.createIssueComment(pull, body)).url
  } catch (error) {
    warn(commentFailure(pull, error))
    return undefined
  }
}

export function commentFailure(pull: number, error: unknown): string {
  const status = (error as { status?: number }).status
  const because =
    status === 403 || status === 404
      ? `HTTP ${status}: the token cannot write to pull requests. Pull requests from forks get a read-only token; use the two-workflow setup (mode: report) from the README, or give the job "pull-requests: write"`
      : error instanceof Error
        ? error.message.slice(0, 200)
        : 'unknown error'
  return `could not comment on pull request #${pull} (${because})`
}
