import { plural } from '../core/plural.js'
import { parseArgs } from 'node:util'
import { severityRank } from '../core/diagnostic.js'
import { UsageError } from '../core/errors.js'
import { lint, type EnumerateRequest, type LintOptions, type LintResult } from '../lint.js'
import { lock } from '../lockfile/lock.js'
import { LOCKFILE_PATH } from '../lockfile/lockfile.js'
import { formatJson } from '../reporters/json.js'
import { formatSarif } from '../reporters/sarif.js'
import { escapeLogLine } from '../reporters/escape/log-line.js'
import { runFixes } from './fix-command.js'
import { formatText, summaryLine } from '../reporters/text.js'
import { rules } from '../rules/index.js'
import { TOOL_NAME, VERSION } from '../version.js'
import { runSync } from './sync-command.js'
import { reportTargetProblem } from './report-target.js'
import { writeFileMakingDirectories } from '../core/write-file.js'
import { parseHeaderBindings } from '../config/remote-headers.js'
import { gitRevision, type BaseRevision } from '../trust/base-revision.js'

/** What the CLI touches of the outside world, so tests run it in-process. */
export interface CliIO {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** Writes a file, creating its directory. */
  readonly writeFile: (path: string, text: string) => Promise<void>
  /** Why a report cannot be written to a path (`--output`), or undefined; creates nothing. */
  readonly reportTargetProblem: (path: string) => Promise<string | undefined>
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  writeFile: writeFileMakingDirectories,
  reportTargetProblem
}

/** Exit codes, as actionlint's: 0 clean, 1 findings at or above --fail-on, 2 usage, 3 internal error. */
export const ExitCode = { ok: 0, findings: 1, usage: 2, internal: 3 } as const

const formats = { text: formatText, json: formatJson, sarif: formatSarif } as const
type Format = keyof typeof formats
const failLevels = ['error', 'warning', 'notice', 'never'] as const
const sandboxModes = ['auto', 'bwrap', 'none'] as const
type FailOn = (typeof failLevels)[number]

export const usage = `Usage: ${TOOL_NAME} [check] [DIR] [options]
       ${TOOL_NAME} sync [DIR] [--check | --init] [options]
       ${TOOL_NAME} lock [DIR] [options]
       ${TOOL_NAME} rules

check (the default) lints the MCP server configs of the repository in DIR (default: the current
directory). sync writes every platform file from the central source (.agents/mcp/mcp-servers.json).
lock starts every stdio server in the sandbox and pins its tools in .agents/mcp/mcp-lock.json.

Options:
  -f, --format FORMAT      check: text (default), json or sarif
  -o, --output FILE        check: write the report to FILE instead of standard output
      --fail-on LEVEL      check: exit 1 on findings at or above LEVEL: error (default), warning,
                           notice, never
      --enumerate          check: start the stdio servers in the sandbox and list their tools
      --sandbox MODE       check --enumerate, lock: auto (default), bwrap, or none (no isolation:
                           only if you trust every server)
      --timeout SECONDS    check --enumerate, lock: time per server to start and list its tools
                           (default 45)
      --concurrency N      check --enumerate, lock: servers started at once (default 4)
      --remote             check --enumerate, lock: connect to remote (HTTP/SSE) servers too
      --remote-header SERVER=HEADER:VARIABLE
                           with --remote: send HEADER to SERVER, its value from the environment
                           variable VARIABLE (repeatable)
      --allow-private-hosts
                           with --remote: allow http:// and private addresses (local test servers)
      --base REF           check: read mcp-lint.json and the lockfile from the git revision REF (a
                           pull request's base), report the branch's own changes to mcp-lint.json,
                           and send bound headers only to the URLs REF gives those servers
      --lockfile FILE      check: compare tools with this lockfile instead of the repository's
      --fix                check: write the fixes of the findings that have one (a secret becomes
                           a reference, a typo the field, an unpinned package the locked version,
                           a value the central source's), then report what is left
      --fix-dry-run        check: show those fixes as a diff and write nothing
      --check              sync: write nothing; exit 1 and show a diff if any file would change
      --init               sync: create the central source from the existing platform files
  -e, --environment NAME   apply .agents/mcp/environments/NAME.json to the central source
  -c, --config FILE        mcp-lint config (default: mcp-lint.json or .mcp-lint.json in DIR)
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 success, 1 findings at the --fail-on level (check), files out of date (sync --check) or
files sync could not read, 2 usage or config error, 3 internal error.
`

export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  try {
    return await run(argv, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${escapeLines(`${TOOL_NAME}: ${error.message}`)}\n`)
      return ExitCode.usage
    }
    const detail = error instanceof Error ? error.message : String(error)
    io.stderr(
      `${escapeLines(`${TOOL_NAME}: internal error: ${detail}`)}\nThis is a bug in ${TOOL_NAME}; please report it.\n`
    )
    if (process.env.MCP_LINT_DEBUG === '1' && error instanceof Error && error.stack !== undefined) {
      io.stderr(`${error.stack}\n`)
    }
    return ExitCode.internal
  }
}

type Values = ReturnType<typeof parseCommandLine>['values']

/**
 * An error's lines, each escaped: usage errors end with our own multi-line help, and the rest can
 * quote a path or a value from the repository.
 */
function escapeLines(text: string): string {
  return text.split('\n').map(escapeLogLine).join('\n')
}

async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(argv)
  if (values.help === true) {
    io.stdout(usage)
    return ExitCode.ok
  }
  if (values.version === true) {
    io.stdout(`${VERSION}\n`)
    return ExitCode.ok
  }
  const [command, ...rest] = positionals
  if (command === 'rules') {
    if (rest.length > 0) throw new UsageError(`"rules" takes no arguments\n\n${usage}`)
    const lines = rules.map(
      (rule) => `${rule.id.padEnd(26)} ${rule.severity.padEnd(8)} ${rule.docs.description}`
    )
    io.stdout(`${lines.join('\n')}\n`)
    return ExitCode.ok
  }
  if (command === 'lock') {
    only(
      values,
      [
        'sandbox',
        'timeout',
        'concurrency',
        'remote',
        'remote-header',
        'allow-private-hosts',
        'environment',
        'config'
      ],
      'lock'
    )
    return runLock({ ...lintOptions(values, rest), enumerate: enumerateRequest(values, io) }, io)
  }
  if (command === 'sync') {
    only(values, ['check', 'init', 'environment', 'config'], 'sync')
    return runSync(
      lintOptions(values, rest),
      { check: values.check === true, init: values.init === true },
      io
    )
  }
  only(
    values,
    [
      'format',
      'output',
      'fail-on',
      'environment',
      'config',
      'enumerate',
      'sandbox',
      'timeout',
      'concurrency',
      'lockfile',
      'remote',
      'remote-header',
      'allow-private-hosts',
      'base',
      'fix',
      'fix-dry-run'
    ],
    'check'
  )
  const local = lintOptions(values, command === 'check' ? rest : positionals)
  const options =
    values.base === undefined ? local : { ...local, base: await baseRef(local.root, values.base) }
  const withTools =
    values.enumerate === true ? { ...options, enumerate: enumerateRequest(values, io) } : options
  if (
    values.enumerate !== true &&
    (values.sandbox ??
      values.timeout ??
      values.concurrency ??
      values.remote ??
      values['remote-header'] ??
      values['allow-private-hosts']) !== undefined
  ) {
    throw new UsageError(
      '--sandbox, --timeout, --concurrency, --remote, --remote-header and --allow-private-hosts need --enumerate'
    )
  }
  const checked =
    values.lockfile === undefined ? withTools : { ...withTools, lockfile: values.lockfile }
  if (values.fix === true || values['fix-dry-run'] === true) {
    if (values.enumerate === true || values.base !== undefined)
      throw new UsageError(
        '--fix and --fix-dry-run fix what the files say: leave out --enumerate and --base'
      )
    if (values.fix === true && values['fix-dry-run'] === true)
      throw new UsageError('--fix and --fix-dry-run cannot be combined')
    await runFixes(checked, values['fix-dry-run'] === true, io)
  }
  return runCheck(checked, values, io)
}

async function runCheck(options: LintOptions, values: Values, io: CliIO): Promise<number> {
  const format = oneOf('--format', values.format ?? 'text', Object.keys(formats) as Format[])
  const failOn = oneOf('--fail-on', values['fail-on'] ?? 'error', failLevels)
  // Before the lint, which can take minutes: a bad --output path fails at once.
  const unwritable =
    values.output === undefined ? undefined : await io.reportTargetProblem(values.output)
  if (unwritable !== undefined)
    throw new UsageError(
      `cannot write the report to ${values.output ?? ''}: ${unwritable}; nothing was checked`
    )
  const result = await lint(options)
  const report = formats[format](result)
  if (values.output === undefined) io.stdout(report)
  else {
    try {
      await io.writeFile(values.output, report)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error'
      throw new UsageError(`cannot write the report to ${values.output}: ${code}`)
    }
    io.stdout(`${summaryLine(result)}; report written to ${values.output}\n`)
  }
  return hasFailures(result, failOn) ? ExitCode.findings : ExitCode.ok
}

function enumerateRequest(values: Values, io: CliIO): EnumerateRequest {
  const number = (
    option: string,
    value: string | undefined,
    integer: boolean
  ): number | undefined => {
    if (value === undefined) return undefined
    const parsed = Number(value)
    if (!Number.isFinite(parsed) || parsed <= 0 || (integer && !Number.isInteger(parsed))) {
      throw new UsageError(
        `${option} must be a positive ${integer ? 'integer' : 'number'}, not "${value}"`
      )
    }
    return parsed
  }
  const sandbox =
    values.sandbox === undefined ? undefined : oneOf('--sandbox', values.sandbox, sandboxModes)
  const timeoutSeconds = number('--timeout', values.timeout, false)
  const concurrency = number('--concurrency', values.concurrency, true)
  const remoteHeaders = parseHeaderBindings(values['remote-header'] ?? [], '--remote-header')
  if (
    values.remote !== true &&
    (remoteHeaders.length > 0 || values['allow-private-hosts'] === true)
  )
    throw new UsageError('--remote-header and --allow-private-hosts need --remote')
  return {
    ...(sandbox === undefined ? {} : { sandbox }),
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(values.remote === true ? { remote: true, remoteHeaders } : {}),
    ...(values['allow-private-hosts'] === true ? { allowPrivateHosts: true } : {}),
    onProgress: (line) => {
      io.stderr(`${escapeLogLine(`${TOOL_NAME}: ${line}`)}\n`)
    }
  }
}

async function runLock(
  options: LintOptions & { enumerate: EnumerateRequest },
  io: CliIO
): Promise<number> {
  const result = await lock(options)
  const failed = result.enumeration.entries.filter((entry) => entry.status === 'failed')
  if (result.enumeration.refused !== undefined)
    throw new UsageError(`nothing was locked: ${result.enumeration.refused}`)
  if (result.text !== result.before) await io.writeFile(result.path, result.text)
  const locked = new Set(
    result.enumeration.entries.filter((entry) => entry.status === 'ok').map((entry) => entry.name)
  )
  io.stdout(
    `${result.text === result.before ? 'unchanged' : 'wrote'} ${LOCKFILE_PATH}: ${plural(locked.size, 'server')} pinned\n`
  )
  for (const entry of failed)
    io.stderr(
      `${escapeLogLine(`${TOOL_NAME}: ${entry.name} (${entry.file}) was not locked: ${entry.reason ?? 'failed'}: ${entry.detail ?? ''}`)}\n`
    )
  return ExitCode.ok
}

/** The revision `--base` names, from the local repository: it must be there. */
async function baseRef(root: string, ref: string): Promise<BaseRevision> {
  const revision = await gitRevision(root, ref)
  if (revision === undefined)
    throw new UsageError(
      `--base ${ref}: no such commit in the git repository at ${root} (fetch it first, e.g. git fetch origin ${ref})`
    )
  return revision
}

function lintOptions(values: Values, dirs: readonly string[]): LintOptions {
  if (dirs.length > 1)
    throw new UsageError(`expected one directory, got ${dirs.length}\n\n${usage}`)
  return {
    root: dirs[0] ?? '.',
    ...(values.config === undefined ? {} : { configFile: values.config }),
    ...(values.environment === undefined ? {} : { environment: values.environment })
  }
}

/** Options that belong to another command are a usage error, not silently ignored. */
function only(values: Values, allowed: readonly string[], command: string): void {
  const stray = Object.keys(values).filter((name) => !allowed.includes(name))
  if (stray.length > 0)
    throw new UsageError(`--${stray[0] ?? ''} does not apply to "${command}"\n\n${usage}`)
}

function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        environment: { type: 'string', short: 'e' },
        'fail-on': { type: 'string' },
        check: { type: 'boolean' },
        enumerate: { type: 'boolean' },
        sandbox: { type: 'string' },
        timeout: { type: 'string' },
        concurrency: { type: 'string' },
        lockfile: { type: 'string' },
        remote: { type: 'boolean' },
        'remote-header': { type: 'string', multiple: true },
        'allow-private-hosts': { type: 'boolean' },
        base: { type: 'string' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        init: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' }
      }
    })
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`)
  }
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value)
  if (found === undefined)
    throw new UsageError(`${option} must be one of ${allowed.join(', ')}, not "${value}"`)
  return found
}

/** Whether any finding is at or above the fail-on level. */
export function hasFailures(result: LintResult, failOn: FailOn): boolean {
  if (failOn === 'never') return false
  const threshold = severityRank[failOn]
  return result.diagnostics.some((diagnostic) => severityRank[diagnostic.severity] >= threshold)
}
