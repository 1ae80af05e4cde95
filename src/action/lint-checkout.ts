import { relative, resolve, sep } from 'node:path'
import { lint, type LintResult } from '../lint.js'
import type { ReportContext } from '../reporters/json.js'
import { formatSummary } from '../reporters/summary.js'
import type { ActionIO } from './action-io.js'
import { annotate } from './annotations.js'
import { baseCommit, baseShaOf } from './base-commit.js'
import { launchRefusal } from './event-policy.js'
import { countFailures } from './exit-status.js'
import type { GitHubApi } from './github-api.js'
import type { ActionInputs } from './inputs.js'
import { installBubblewrap } from './install-bubblewrap.js'
import { holdsDrift, prepareReportFiles, writeReports, writeSummary } from './outputs.js'
import { readChangedLines, readPullRequest, type PullRequest } from './pull-request.js'

/** The checkout linted and reported, for what the check and drift modes do next. */
export interface CheckoutLint {
  readonly result: LintResult
  readonly pull: PullRequest | undefined
  readonly api: GitHubApi | undefined
  /** The checked directory relative to the workspace. */
  readonly prefix: string
  readonly changed: Map<string, Set<number>> | undefined
  readonly drift: boolean
  /** Findings at or above `fail-on`. */
  readonly failing: number
}

/**
 * Lints the checked-out path and reports it the way the check and drift modes both do: the
 * annotations, the job summary (under the heading `title` gives, if any) and the report files.
 */
export async function lintCheckout(
  io: ActionIO,
  inputs: ActionInputs,
  title?: (drift: boolean) => string
): Promise<CheckoutLint> {
  await prepareReportFiles(inputs)
  if (inputs.enumerate && inputs.sandbox !== 'none' && inputs.installBubblewrap)
    ensureBubblewrap(io)
  const pull = readPullRequest(io.context)
  const api = inputs.token === '' ? undefined : io.api(inputs.token)
  const prefix = relative(io.context.workspace, resolve(inputs.path)).split(sep).join('/')
  const baseSha = baseShaOf(io.context.eventName, io.context.payload)
  const base =
    baseSha === undefined
      ? undefined
      : await baseCommit(
          resolve(inputs.path),
          baseSha,
          api,
          prefix.startsWith('..') ? '' : prefix,
          io.info
        )
  const cacheDir = process.env.MCP_LINT_CACHE_DIR
  const refusal = launchRefusal(process.env.GITHUB_EVENT_NAME)
  const tempDir = process.env.RUNNER_TEMP
  const result = await lint({
    root: inputs.path,
    ...(inputs.config === undefined ? {} : { configFile: inputs.config }),
    ...(inputs.source === undefined ? {} : { sourcePath: inputs.source }),
    ...(inputs.platforms === undefined ? {} : { platforms: inputs.platforms }),
    ...(inputs.lockfile === undefined ? {} : { lockfile: inputs.lockfile }),
    ...(base === undefined ? {} : { base }),
    ...(inputs.enumerate
      ? {
          enumerate: {
            sandbox: inputs.sandbox,
            remote: inputs.remote,
            remoteHeaders: inputs.remoteHeaders,
            allowPrivateHosts: inputs.allowPrivateHosts,
            // The image is thrown away after the job: changing its AppArmor policy is safe there.
            allowAppArmorProfile: process.env.RUNNER_ENVIRONMENT === 'github-hosted',
            ...(refusal === undefined ? {} : { refusal }),
            ...(tempDir === undefined || tempDir === '' ? {} : { tempDir }),
            ...(inputs.timeoutSeconds === undefined
              ? {}
              : { timeoutSeconds: inputs.timeoutSeconds }),
            ...(inputs.concurrency === undefined ? {} : { concurrency: inputs.concurrency }),
            // An actions/cache directory the workflow restores, if it names one.
            ...(cacheDir === undefined || cacheDir === '' ? {} : { cacheDir }),
            onProgress: (line: string) => {
              io.info(`mcp-lint: ${line}`)
            }
          }
        }
      : {})
  })
  const changed =
    pull !== undefined && inputs.annotations ? await readChangedLines(io, api, pull) : undefined
  const unannotated = inputs.annotations ? annotate(io, result, prefix, changed) : undefined
  // Drift the baseline accepts is drift still: the scheduled check and its issue report it.
  const drift = holdsDrift([...result.diagnostics, ...(result.baseline?.known ?? [])])
  await writeSummary(
    io,
    formatSummary(result, {
      ...(unannotated === undefined ? {} : { unannotated }),
      ...(title === undefined ? {} : { title: title(drift) })
    })
  )
  const context: ReportContext = {
    repository: io.context.repository,
    workflow: io.context.workflow,
    path: inputs.path,
    ...(pull === undefined ? {} : { pullRequest: pull.number, headSha: pull.headSha })
  }
  await writeReports(io, inputs, result, context)
  return {
    result,
    pull,
    api,
    prefix,
    changed,
    drift,
    failing: countFailures(result, inputs.failOn)
  }
}

function ensureBubblewrap(io: ActionIO): void {
  const install = () =>
    installBubblewrap((line) => {
      io.info(`mcp-lint: ${line}`)
    })
  const outcome = io.group === undefined ? install() : io.group('mcp-lint: bubblewrap', install)
  if (outcome.status === 'skipped' || outcome.status === 'failed')
    io.warning(
      `bubblewrap is not installed and could not be: ${outcome.reason}; stdio servers will not be started`
    )
}
