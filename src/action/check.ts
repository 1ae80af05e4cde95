import type { LintResult } from '../lint.js'
import { readRepoFile } from '../parse/read-file.js'
import { plural } from '../util/plural.js'
import type { ActionIO } from './action-io.js'
import { concludeRun } from './exit-status.js'
import type { GitHubApi, ReviewComment } from './github-api.js'
import type { ActionInputs } from './inputs.js'
import { lintCheckout } from './lint-checkout.js'
import { readChangedLines, type PullRequest } from './pull-request.js'
import { postResultComment } from './result-comment.js'
import { suggestionsFor } from './suggestions.js'

/** `mode: check` on pull requests and pushes. */
export async function runCheck(io: ActionIO, inputs: ActionInputs): Promise<void> {
  const { result, pull, api, prefix, changed, drift, failing } = await lintCheckout(io, inputs)
  let commentUrl: string | undefined
  if (pull !== undefined && api !== undefined)
    commentUrl = await postResultComment(
      io,
      api,
      result,
      {
        pull: pull.number,
        key: `${io.context.workflow} ${inputs.path}`,
        sha: pull.headSha,
        path: prefix
      },
      inputs.comment,
      failing
    )
  if (inputs.suggestions && pull !== undefined && api !== undefined)
    await postSuggestions(io, api, pull, result, inputs.path, prefix, changed)
  concludeRun(io, inputs, result, { drift, commentUrl, failing, judgesEmpty: true })
}

/**
 * Review comments with a suggestion block for one-line fixes on changed lines, each posted once:
 * one already on the pull request with the same place and text is not posted again.
 */
async function postSuggestions(
  io: ActionIO,
  api: GitHubApi,
  pull: PullRequest,
  result: LintResult,
  root: string,
  prefix: string,
  changed: ReadonlyMap<string, ReadonlySet<number>> | undefined
): Promise<void> {
  const lines = changed ?? (await readChangedLines(io, api, pull))
  if (lines === undefined) return
  // The checkout of a pull_request run is the merge commit; a suggestion goes on the head, so a
  // file is used only where the head has it byte for byte.
  const texts = new Map<string, string>()
  for (const file of new Set(result.diagnostics.filter((d) => d.fix).map((d) => d.file))) {
    const read = await readRepoFile(root, file, { maxBytes: 16 * 1024 * 1024 })
    if (read.status !== 'ok') continue
    const atHead = await api
      .readFile(prefix === '' ? file : `${prefix}/${file}`, pull.headSha)
      .catch(() => null)
    const local = `${read.byteOrderMark ? '\uFEFF' : ''}${read.text}`
    if (atHead === local || atHead === read.text) texts.set(file, read.text)
  }
  const wanted = suggestionsFor(result, (file) => texts.get(file), prefix, lines)
  if (wanted.length === 0) return
  try {
    const posted = await api.listReviewComments(pull.number)
    const key = (c: ReviewComment) => `${c.path}\u0000${String(c.line)}\u0000${c.body}`
    const known = new Set(posted.map(key))
    let count = 0
    for (const suggestion of wanted.filter((wish) => !known.has(key(wish)))) {
      await api.createReviewComment(pull.number, { ...suggestion, commitId: pull.headSha })
      count++
    }
    io.info(`mcp-lint: ${plural(count, 'suggestion')} posted on changed lines`)
  } catch (error) {
    io.warning(
      `could not post suggestions on pull request #${pull.number} (${error instanceof Error ? error.message.slice(0, 200) : 'error'}); the job needs "pull-requests: write"`
    )
  }
}
