import * as github from '@actions/github'

/** A comment or issue as far as mcp-lint cares: its id, body and link. */
export interface Posted {
  readonly id: number
  readonly number?: number
  readonly body: string
  readonly url: string
}

export interface CheckAnnotation {
  readonly path: string
  readonly start_line: number
  readonly end_line: number
  readonly start_column?: number
  readonly end_column?: number
  readonly annotation_level: 'failure' | 'warning' | 'notice'
  readonly message: string
  readonly title: string
}

export interface ReviewComment {
  readonly path: string
  readonly line: number
  readonly body: string
}

/**
 * The REST calls the Action makes, and nothing else. The Octokit client follows GITHUB_API_URL,
 * which is how the end-to-end test points it at a local server playing GitHub.
 */
export interface GitHubApi {
  listIssueComments(issue: number): Promise<Posted[]>
  createIssueComment(issue: number, body: string): Promise<Posted>
  updateIssueComment(id: number, body: string): Promise<Posted>
  /** Per file of a pull request, the line numbers it adds or changes in the new version. */
  changedLines(pull: number): Promise<Map<string, Set<number>>>
  pullRequestHead(pull: number): Promise<string>
  /** A pull request's review comments: where each sits and what it says. */
  listReviewComments(pull: number): Promise<ReviewComment[]>
  /** A review comment on a line of the pull request's new version. */
  createReviewComment(pull: number, comment: ReviewComment & { commitId: string }): Promise<void>
  readFile(path: string, ref: string): Promise<string | null>
  /** Open issues, with the label when given; pull requests excluded. */
  listOpenIssues(label?: string): Promise<Posted[]>
  createIssue(title: string, body: string, label: string): Promise<Posted>
  updateIssue(
    number: number,
    changes: { body?: string; state?: 'open' | 'closed' }
  ): Promise<Posted>
  createCheckRun(run: {
    headSha: string
    conclusion: 'success' | 'failure' | 'neutral'
    title: string
    summary: string
    annotations: readonly CheckAnnotation[]
  }): Promise<string>
}

/** Pages read at most when listing: 30 pages of 100 comments or issues is plenty for a marker. */
const MAX_PAGES = 30

export function octokitApi(token: string): GitHubApi {
  const octokit = github.getOctokit(token)
  const repo = github.context.repo
  const paginate = async <T>(
    fetch: (page: number) => Promise<{ data: readonly T[] }>
  ): Promise<T[]> => {
    const all: T[] = []
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { data } = await fetch(page)
      all.push(...data)
      if (data.length < 100) break
    }
    return all
  }
  const posted = (data: {
    id: number
    number?: number
    body?: string | null
    html_url: string
  }) => ({
    id: data.id,
    ...(data.number === undefined ? {} : { number: data.number }),
    body: data.body ?? '',
    url: data.html_url
  })
  return {
    listIssueComments: async (issue) =>
      (
        await paginate((page) =>
          octokit.rest.issues.listComments({ ...repo, issue_number: issue, per_page: 100, page })
        )
      ).map(posted),
    createIssueComment: async (issue, body) =>
      posted(
        (await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body })).data
      ),
    updateIssueComment: async (id, body) =>
      posted((await octokit.rest.issues.updateComment({ ...repo, comment_id: id, body })).data),
    changedLines: async (pull) => {
      const files = await paginate((page) =>
        octokit.rest.pulls.listFiles({ ...repo, pull_number: pull, per_page: 100, page })
      )
      return new Map(files.map((file) => [file.filename, addedLines(file.patch ?? '')]))
    },
    listReviewComments: async (pull) =>
      (
        await paginate((page) =>
          octokit.rest.pulls.listReviewComments({ ...repo, pull_number: pull, per_page: 100, page })
        )
      ).map((comment) => ({ path: comment.path, line: comment.line ?? 0, body: comment.body })),
    createReviewComment: async (pull, { commitId, path, line, body }) => {
      await octokit.rest.pulls.createReviewComment({
        ...repo,
        pull_number: pull,
        commit_id: commitId,
        path,
        line,
        side: 'RIGHT',
        body
      })
    },
    pullRequestHead: async (pull) =>
      (await octokit.rest.pulls.get({ ...repo, pull_number: pull })).data.head.sha,
    readFile: async (path, ref) => {
      try {
        // The raw media type returns the file whatever its size; the JSON form leaves `content`
        // empty above 1 MB, which would read as an empty lockfile.
        const { data } = await octokit.rest.repos.getContent({
          ...repo,
          path,
          ref,
          mediaType: { format: 'raw' }
        })
        const body: unknown = data
        if (typeof body === 'string') return body
        if (body instanceof ArrayBuffer) return new TextDecoder().decode(body)
        throw new Error(`${path} is not a file at ${ref.slice(0, 7)}`)
      } catch (error) {
        if ((error as { status?: number }).status === 404) return null
        throw error
      }
    },
    listOpenIssues: async (label) =>
      (
        await paginate((page) =>
          octokit.rest.issues.listForRepo({
            ...repo,
            state: 'open',
            labels: label,
            per_page: 100,
            page
          })
        )
      ).map(posted),
    createIssue: async (title, body, label) =>
      posted((await octokit.rest.issues.create({ ...repo, title, body, labels: [label] })).data),
    updateIssue: async (number, changes) =>
      posted(
        (await octokit.rest.issues.update({ ...repo, issue_number: number, ...changes })).data
      ),
    createCheckRun: async ({ headSha, conclusion, title, summary, annotations }) => {
      // The Checks API takes at most 50 annotations per request: the rest go in updates.
      const batches = Array.from({ length: Math.ceil(annotations.length / 50) }, (_, index) =>
        annotations.slice(index * 50, index * 50 + 50)
      )
      const { data } = await octokit.rest.checks.create({
        ...repo,
        name: 'mcp-lint',
        head_sha: headSha,
        status: 'completed',
        conclusion,
        output: { title, summary, annotations: [...(batches[0] ?? [])] }
      })
      for (const batch of batches.slice(1))
        await octokit.rest.checks.update({
          ...repo,
          check_run_id: data.id,
          output: { title, summary, annotations: [...batch] }
        })
      return data.html_url ?? ''
    }
  }
}

/** The new-file line numbers a unified diff patch adds (`+` lines of each hunk). */
export function addedLines(patch: string): Set<number> {
  const lines = new Set<number>()
  let next = 0
  for (const line of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line)
    if (hunk !== null) next = Number(hunk[1])
    else if (line.startsWith('+')) lines.add(next++)
    else if (!line.startsWith('-') && !line.startsWith('\\')) next++
  }
  return lines
}
