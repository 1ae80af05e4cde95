import type { LintResult } from '../lint.js'
import type { ReportContext } from '../reporters/json.js'
import { formatSummary } from '../reporters/summary.js'
import { escapeTerminal } from '../reporters/escape/terminal.js'
import { summaryLine } from '../reporters/text.js'
import { UsageError } from '../util/errors.js'
import type { ActionIO } from './action-io.js'
import { concludeRun, countFailures } from './exit-status.js'
import type { CheckAnnotation, GitHubApi } from './github-api.js'
import type { ActionInputs, FailOn } from './inputs.js'
import { holdsDrift, writeSummary } from './outputs.js'
import { readReport } from './report-file.js'
import { postResultComment } from './result-comment.js'

/**
 * `mode: report` in a `workflow_run` workflow: the privileged half of the fork-safe setup. The
 * report is untrusted (a fork wrote it), so it is validated, and it is only posted on the pull
 * request it claims after the API confirms that pull request's head is the commit that was checked.
 */
export async function runReport(io: ActionIO, inputs: ActionInputs): Promise<void> {
  if (inputs.jsonFile === undefined)
    throw new UsageError('mode report needs json-file: the report the pull_request run uploaded')
  const { result, context } = await readReport(inputs.jsonFile)
  // No annotations in this step: a workflow_run's own would point at the wrong commit, so the
  // check run carries them and the summary counts none as left out.
  await writeSummary(io, formatSummary(result))
  const failing = countFailures(result, inputs.failOn)
  let commentUrl: string | undefined
  const pull = context?.pullRequest
  const api = inputs.token === '' ? undefined : io.api(inputs.token)
  if (pull !== undefined && api !== undefined && context !== undefined) {
    await verifyOrigin(io, api, context, pull)
    commentUrl = await postResultComment(
      io,
      api,
      result,
      {
        pull,
        key: `${context.workflow ?? ''} ${context.path ?? '.'}`,
        // The head the report names was just confirmed by the API; its path is the fork's word.
        sha: context.headSha,
        path: context.path ?? '.'
      },
      inputs.comment,
      failing
    )
    if (inputs.annotations && context.headSha !== undefined)
      await postCheckRun(io, api, result, context.headSha, inputs.failOn, failing)
  } else if (pull === undefined) io.info('the report is not from a pull request: nothing to post')
  concludeRun(io, inputs, result, {
    drift: holdsDrift(result.diagnostics),
    commentUrl,
    failing,
    judgesEmpty: false
  })
}

async function verifyOrigin(
  io: ActionIO,
  api: GitHubApi,
  context: ReportContext,
  pull: number
): Promise<void> {
  if (context.repository !== io.context.repository)
    throw new UsageError(
      `the report is for ${context.repository}, not ${io.context.repository}: refusing to post it`
    )
  const run = io.context.payload.workflow_run as { head_sha?: unknown } | undefined
  const head = await api.pullRequestHead(pull)
  const expected = typeof run?.head_sha === 'string' ? run.head_sha : context.headSha
  if (context.headSha === undefined || head !== context.headSha || expected !== context.headSha)
    throw new UsageError(
      `the report names pull request #${pull} at ${(context.headSha ?? 'no commit').slice(0, 12)}, but that pull request's head is ${head.slice(0, 12)} (and the triggering run checked ${String(expected).slice(0, 12)}): refusing to post it`
    )
}

/** Annotations through a check run on the pull request's head: a workflow_run's own annotations land on the base branch. */
async function postCheckRun(
  io: ActionIO,
  api: GitHubApi,
  result: LintResult,
  headSha: string,
  failOn: FailOn,
  failing: number
): Promise<void> {
  const levels = { error: 'failure', warning: 'warning', notice: 'notice' } as const
  const annotations: CheckAnnotation[] = result.diagnostics.slice(0, 500).map((d) => ({
    path: d.file,
    start_line: d.range.start.line,
    end_line: d.range.end.line,
    ...(d.range.start.line === d.range.end.line
      ? { start_column: d.range.start.column, end_column: d.range.end.column }
      : {}),
    annotation_level: levels[d.severity],
    // Shown as plain text, but controls and bidi still reach the page.
    message: escapeTerminal(d.message),
    title: `mcp-lint(${d.ruleId})`
  }))
  try {
    const url = await api.createCheckRun({
      headSha,
      conclusion: failing > 0 ? 'failure' : failOn === 'never' ? 'neutral' : 'success',
      title: summaryLine(result),
      summary: formatSummary(result, { limitBytes: 60_000 }),
      annotations
    })
    io.info(`check run: ${url}`)
  } catch (error) {
    io.warning(
      `could not create the check run with annotations (${error instanceof Error ? error.message.slice(0, 200) : 'error'}); the job needs "checks: write"`
    )
  }
}
