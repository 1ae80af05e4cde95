import { launchRefusal } from './event-policy.js'
import { plural } from '../util/plural.js'
import { relative, resolve, sep } from 'node:path'
import { severityRank, type Severity } from '../model/diagnostic.js'
import { UsageError } from '../util/errors.js'
import { prepareWriteTarget } from '../util/write-file.js'
import { lint, type LintResult } from '../lint.js'
import { annotationsWithinBudget, type Annotation } from '../reporters/annotations.js'
import { commentMarker, formatComment } from '../reporters/comment.js'
import { encodeUrlPath } from '../reporters/escape/markdown.js'
import { suggestionsFor } from './suggestions.js'
import { readRepoFile } from '../parse/read-file.js'
import { formatJson, type ReportContext } from '../reporters/json.js'
import { formatSarif } from '../reporters/sarif.js'
import { formatSummary } from '../reporters/summary.js'
import { escapeTerminal } from '../reporters/escape/terminal.js'
import { summaryLine } from '../reporters/text.js'
import { baseCommit, baseShaOf } from './base-commit.js'
import { installBubblewrap } from './install-bubblewrap.js'
import { syncDriftIssue } from './drift-issue.js'
import type { CheckAnnotation, GitHubApi, ReviewComment } from './github-api.js'
import { readInputs, type ActionInputs, type FailOn } from './inputs.js'
import { readReport } from './report-file.js'
import { upsertComment } from './sticky-comment.js'

/** What the Action knows of its run, from the runner's environment and the event payload. */
export interface RunContext {
  readonly eventName: string
  readonly payload: Readonly<Record<string, unknown>>
  /** `owner/repo`. */
  readonly repository: string
  readonly workflow: string
  readonly sha: string
  readonly runUrl: string | undefined
  /** `https://github.com`, or the GitHub Enterprise server's address. */
  readonly serverUrl?: string
  /** The workspace directory paths are reported relative to. */
  readonly workspace: string
}

/** The parts of @actions/core and @actions/github the Action uses, so tests can hand a fake. */
export interface ActionIO {
  readonly getInput: (name: string) => string
  readonly setOutput: (name: (typeof OUTPUT_NAMES)[number], value: string | number) => void
  readonly annotate: (
    level: Severity,
    message: string,
    properties: Annotation['properties']
  ) => void
  readonly info: (message: string) => void
  readonly warning: (message: string) => void
  readonly setFailed: (message: string) => void
  /** A folded group of log lines (`::group::`); plain lines where there is none. */
  readonly group?: <T>(title: string, work: () => T) => T
  readonly writeSummary: (markdown: string) => Promise<void>
  readonly writeFile: (path: string, text: string) => Promise<void>
  readonly context: RunContext
  /** A REST client with the token, or undefined when there is none. */
  readonly api: (token: string) => GitHubApi | undefined
}

/** Every output action.yml declares, all set on every run (a test holds both to it). */
export const OUTPUT_NAMES = [
  'comment-url',
  'drift',
  'errors',
  'json-file',
  'notices',
  'sarif-file',
  'servers',
  'tools',
  'warnings'
] as const

/** Rules whose findings mean the servers or configs moved away from what was committed. */
const DRIFT_RULES = new Set(['source-drift', 'tool-surface-drift'])

export async function run(io: ActionIO): Promise<void> {
  try {
    const inputs = readInputs(io.getInput)
    if (inputs.mode === 'report') await report(io, inputs)
    else await check(io, inputs)
  } catch (error) {
    const prefix = error instanceof UsageError ? '' : 'internal error: '
    io.setFailed(`mcp-lint ${prefix}${error instanceof Error ? error.message : String(error)}`)
  }
}

/** `mode: check` on pull requests and pushes, `mode: drift` on a schedule. */
async function check(io: ActionIO, inputs: ActionInputs): Promise<void> {
  await prepareReportFiles(inputs)
  if (inputs.enumerate && inputs.sandbox !== 'none' && inputs.installBubblewrap) {
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
  const pull = pullRequestOf(io.context)
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
  const eventPolicy = () => {
    const refusal = launchRefusal(process.env.GITHUB_EVENT_NAME)
    const tempDir = process.env.RUNNER_TEMP
    return {
      ...(refusal === undefined ? {} : { refusal }),
      ...(tempDir === undefined || tempDir === '' ? {} : { tempDir })
    }
  }
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
            ...eventPolicy(),
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
    pull !== undefined && inputs.annotations ? await changedLines(io, api, pull) : undefined
  const unannotated = inputs.annotations ? annotate(io, result, prefix, changed) : undefined
  // Drift the baseline accepts is drift still: the scheduled check and its issue report it.
  const drift = [...result.diagnostics, ...(result.baseline?.known ?? [])].some((d) =>
    DRIFT_RULES.has(d.ruleId)
  )
  await writeSummary(
    io,
    formatSummary(result, {
      ...(unannotated === undefined ? {} : { unannotated }),
      ...(inputs.mode === 'drift'
        ? { title: drift ? 'mcp-lint: drift found' : 'mcp-lint: no drift' }
        : {})
    })
  )
  const context: ReportContext = {
    repository: io.context.repository,
    workflow: io.context.workflow,
    path: inputs.path,
    ...(pull === undefined ? {} : { pullRequest: pull.number, headSha: pull.headSha })
  }
  await writeReports(io, inputs, result, context)
  const failing = failures(result, inputs.failOn)
  let commentUrl: string | undefined
  if (inputs.mode === 'check' && pull !== undefined && api !== undefined)
    commentUrl = await upsertComment(
      api,
      pull.number,
      commentMarker(`${io.context.workflow} ${inputs.path}`),
      formatComment(result, {
        marker: commentMarker(`${io.context.workflow} ${inputs.path}`),
        sha: pull.headSha,
        ...linkOptions(io.context, pull.headSha, prefix),
        ...(io.context.runUrl === undefined ? {} : { runUrl: io.context.runUrl })
      }),
      inputs.comment,
      failing > 0,
      io.warning
    )
  if (inputs.mode === 'check' && inputs.suggestions && pull !== undefined && api !== undefined)
    await postSuggestions(io, api, pull, result, inputs.path, prefix, changed)
  if (inputs.mode === 'drift' && inputs.driftIssue) {
    if (api === undefined) io.warning('drift-issue needs github-token; no issue was opened')
    else
      try {
        const url = await syncDriftIssue(
          api,
          inputs.path,
          drift,
          // An issue body holds at most 65,536 characters.
          formatSummary(result, { title: 'mcp-lint: drift found', limitBytes: 60_000 })
        )
        if (url !== undefined) io.info(`drift issue: ${url}`)
      } catch (error) {
        io.warning(
          `could not open or update the drift issue (${error instanceof Error ? error.message.slice(0, 200) : 'error'}); the job needs "issues: write"`
        )
      }
  }
  setOutputs(io, inputs, result, drift, commentUrl)
  io.info(summaryLine(result))
  const empty = result.files.length === 0
  if (empty)
    io.warning(
      `no MCP config found in ${inputs.path}: nothing was checked${inputs.errorOnEmpty ? '' : ' (error-on-empty: true makes this fail)'}`
    )
  if (failing > 0)
    io.setFailed(`mcp-lint found ${plural(failing, 'finding')} at or above "${inputs.failOn}"`)
  else if (empty && inputs.errorOnEmpty)
    io.setFailed(`no MCP config found in ${inputs.path} (error-on-empty: true)`)
}

/**
 * `mode: report` in a `workflow_run` workflow: the privileged half of the fork-safe setup. The
 * report is untrusted (a fork wrote it), so it is validated, and it is only posted on the pull
 * request it claims after the API confirms that pull request's head is the commit that was checked.
 */
async function report(io: ActionIO, inputs: ActionInputs): Promise<void> {
  if (inputs.jsonFile === undefined)
    throw new UsageError('mode report needs json-file: the report the pull_request run uploaded')
  const { result, context } = await readReport(inputs.jsonFile)
  const unannotated = annotate(io, result, '', undefined, true)
  await writeSummary(io, formatSummary(result, { unannotated }))
  const failing = failures(result, inputs.failOn)
  let commentUrl: string | undefined
  const pull = context?.pullRequest
  const api = inputs.token === '' ? undefined : io.api(inputs.token)
  if (pull !== undefined && api !== undefined && context !== undefined) {
    await verifyOrigin(io, api, context, pull)
    const marker = commentMarker(`${context.workflow ?? ''} ${context.path ?? '.'}`)
    commentUrl = await upsertComment(
      api,
      pull,
      marker,
      formatComment(result, {
        marker,
        ...(context.headSha === undefined ? {} : { sha: context.headSha }),
        // The head the report names was just confirmed by the API; its path is the fork's word.
        ...(context.headSha === undefined
          ? {}
          : linkOptions(io.context, context.headSha, context.path ?? '.')),
        ...(io.context.runUrl === undefined ? {} : { runUrl: io.context.runUrl })
      }),
      inputs.comment,
      failing > 0,
      io.warning
    )
    if (inputs.annotations && context.headSha !== undefined)
      await checkRun(io, api, result, context.headSha, inputs.failOn, failing)
  } else if (pull === undefined) io.info('the report is not from a pull request: nothing to post')
  setOutputs(
    io,
    inputs,
    result,
    result.diagnostics.some((d) => DRIFT_RULES.has(d.ruleId)),
    commentUrl
  )
  io.info(summaryLine(result))
  if (failing > 0)
    io.setFailed(`mcp-lint found ${plural(failing, 'finding')} at or above "${inputs.failOn}"`)
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
async function checkRun(
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

interface PullRequest {
  readonly number: number
  readonly headSha: string
  readonly baseSha: string
}

function pullRequestOf(context: RunContext): PullRequest | undefined {
  const pull = context.payload.pull_request as
    { number?: unknown; head?: { sha?: unknown }; base?: { sha?: unknown } } | undefined
  if (typeof pull?.number !== 'number') return undefined
  return {
    number: pull.number,
    headSha: typeof pull.head?.sha === 'string' ? pull.head.sha : context.sha,
    baseSha: typeof pull.base?.sha === 'string' ? pull.base.sha : ''
  }
}

async function changedLines(
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

/** Emits the annotations within budget; returns how many findings did not get one. */
function annotate(
  io: ActionIO,
  result: LintResult,
  prefix: string,
  changed: Map<string, Set<number>> | undefined,
  quiet = false
): number {
  const inRepo = prefix === '' || prefix.startsWith('..') ? '' : `${prefix}/`
  const { annotations, omitted } = annotationsWithinBudget(
    result.diagnostics,
    prefix,
    (file, line) => changed?.get(`${inRepo}${file}`)?.has(line) === true
  )
  // In report mode the workflow_run's own annotations would point at the wrong commit.
  if (!quiet)
    for (const annotation of annotations)
      io.annotate(annotation.level, annotation.message, annotation.properties)
  if (omitted > 0 && !quiet)
    io.info(
      `${plural(omitted, 'finding was', 'findings were')} not annotated: GitHub shows at most 10 per level in a step; the job summary lists all`
    )
  return quiet ? 0 : omitted
}

/** A report path that cannot be written fails the step at once, not after the servers ran. */
async function prepareReportFiles(inputs: ActionInputs): Promise<void> {
  const targets = [
    ['sarif-file', inputs.sarifFile],
    ['json-file', inputs.jsonFile]
  ] as const
  for (const [input, path] of targets) {
    if (path === undefined) continue
    try {
      await prepareWriteTarget(path)
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error)
      throw new UsageError(`input ${input}: ${path} cannot be written (${why})`)
    }
  }
}

async function writeSummary(io: ActionIO, markdown: string): Promise<void> {
  try {
    await io.writeSummary(markdown)
  } catch (error) {
    io.warning(
      `could not write the job summary (${error instanceof Error ? error.message.slice(0, 120) : 'error'})`
    )
  }
}

async function writeReports(
  io: ActionIO,
  inputs: ActionInputs,
  result: LintResult,
  context: ReportContext
): Promise<void> {
  if (inputs.sarifFile !== undefined) await io.writeFile(inputs.sarifFile, formatSarif(result))
  if (inputs.jsonFile !== undefined)
    await io.writeFile(inputs.jsonFile, formatJson(result, context))
}

function failures(result: LintResult, failOn: FailOn): number {
  if (failOn === 'never') return 0
  const threshold = severityRank[failOn]
  return result.diagnostics.filter((d) => severityRank[d.severity] >= threshold).length
}

function setOutputs(
  io: ActionIO,
  inputs: ActionInputs,
  result: LintResult,
  drift: boolean,
  commentUrl: string | undefined
): void {
  io.setOutput('errors', result.summary.errors)
  io.setOutput('warnings', result.summary.warnings)
  io.setOutput('notices', result.summary.notices)
  io.setOutput('servers', result.servers.length)
  // Tools of each distinct server once, however many files configure it.
  const seen = new Set<string>()
  let tools = 0
  for (const server of result.servers)
    if (server.tools !== undefined && !seen.has(server.name)) {
      seen.add(server.name)
      tools += server.tools.length
    }
  io.setOutput('tools', tools)
  io.setOutput('drift', drift ? 'true' : 'false')
  io.setOutput('sarif-file', inputs.mode === 'report' ? '' : (inputs.sarifFile ?? ''))
  io.setOutput('json-file', inputs.jsonFile ?? '')
  io.setOutput('comment-url', commentUrl ?? '')
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
  const lines = changed ?? (await changedLines(io, api, pull))
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
