import { realpath, stat } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { severityRank } from '../model/diagnostic.js'
import { UsageError } from '../util/errors.js'
import { plural } from '../util/plural.js'
import { gitRevision, type BaseRevision } from '../trust/base-revision.js'
import { lint, type LintOptions, type LintResult } from '../lint.js'
import { escapeLogLine } from '../reporters/escape/log-line.js'
import { formatJson } from '../reporters/json.js'
import { formatSarif } from '../reporters/sarif.js'
import { formatText, summaryLine } from '../reporters/text.js'
import { ExitCode, type CliIO } from './io.js'
import { enumerateRequest, lintOptions, oneOf } from './lint-options.js'
import { keepDiagnostics, keepFiles } from './narrow-result.js'
import { mistypedCommand, type Values } from './options.js'
import { createProgress } from './progress.js'

const formats = ['text', 'json', 'sarif'] as const
const failLevels = ['error', 'warning', 'notice', 'never'] as const
type FailOn = (typeof failLevels)[number]

/** What `check` was given: a directory, or files in the repository of the current directory. */
interface Target {
  readonly root: string
  /** Repo-relative `/` paths: report only these files' findings. */
  readonly files?: ReadonlySet<string>
}

/** `mcp-lint check`: lint, narrow the result as asked, write the report, and decide the exit code. */
export async function runCheck(
  values: Values,
  positionals: readonly string[],
  io: CliIO,
  commandNamed: boolean
): Promise<number> {
  const format = oneOf('--format', values.format ?? 'text', formats)
  const failOn = oneOf('--fail-on', values['fail-on'] ?? 'error', failLevels)
  const maxWarnings = warningLimit(values['max-warnings'])
  checkEnumerationOptions(values)
  // Before the lint, which can take minutes: a bad --output path fails at once.
  const unwritable =
    values.output === undefined ? undefined : await io.reportTargetProblem(values.output)
  if (unwritable !== undefined)
    throw new UsageError(
      `cannot write the report to ${values.output ?? ''}: ${unwritable}; nothing was checked`
    )
  const target = await checkTarget(positionals, commandNamed)
  const options = await checkOptions(values, target.root, io)
  if (values.fix === true || values['fix-dry-run'] === true)
    // The diff goes where it cannot spoil a JSON or SARIF report on standard output.
    await (
      await import('./fix-command.js')
    ).runFixes(options.lint, values['fix-dry-run'] === true, io, {
      ...(target.files === undefined ? {} : { only: target.files }),
      diffToStderr: format !== 'text' && values.output === undefined
    })
  let result: LintResult
  try {
    result = await lint(options.lint)
  } finally {
    options.progress.done()
  }
  const empty = result.files.length === 0
  if (target.files !== undefined) {
    for (const file of target.files)
      if (!result.files.some((read) => read.path === file))
        io.stderr(`${escapeLogLine(`note: ${file} is not an MCP config mcp-lint reads here`)}\n`)
    result = keepFiles(result, target.files)
  }
  // --quiet shortens the report; the exit code still counts what it leaves out.
  const shown =
    values.quiet === true ? keepDiagnostics(result, (d) => d.severity === 'error') : result
  await writeReport(shown, format, values.output, io)
  if (empty)
    io.stderr(
      `${escapeLogLine(`warning: no MCP config found in ${target.root}: nothing was checked`)}${values['error-on-empty'] === true ? '' : ' (--error-on-empty makes this fail)'}\n`
    )
  if (empty && values['error-on-empty'] === true) return ExitCode.findings
  if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) {
    io.stderr(
      `${plural(result.summary.warnings, 'warning')}, more than --max-warnings ${maxWarnings}\n`
    )
    return ExitCode.findings
  }
  return hasFailures(result, failOn) ? ExitCode.findings : ExitCode.ok
}

/** Whether any finding is at or above the fail-on level. */
export function hasFailures(result: LintResult, failOn: FailOn): boolean {
  if (failOn === 'never') return false
  const threshold = severityRank[failOn]
  return result.diagnostics.some((diagnostic) => severityRank[diagnostic.severity] >= threshold)
}

async function writeReport(
  result: LintResult,
  format: (typeof formats)[number],
  output: string | undefined,
  io: CliIO
): Promise<void> {
  if (output === undefined) {
    io.stdout(
      format === 'text'
        ? formatText(
            result,
            io.color === true
              ? { paint: (await import('picocolors')).default.createColors(true) }
              : {}
          )
        : format === 'json'
          ? formatJson(result)
          : formatSarif(result)
    )
    return
  }
  const report =
    format === 'text'
      ? formatText(result)
      : format === 'json'
        ? formatJson(result)
        : formatSarif(result)
  try {
    await io.writeFile(output, report)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new UsageError(`cannot write the report to ${output}: ${code}`)
  }
  io.stdout(`${summaryLine(result)}; report written to ${output}\n`)
}

async function checkOptions(
  values: Values,
  root: string,
  io: CliIO
): Promise<{ lint: LintOptions; progress: ReturnType<typeof createProgress> }> {
  const local = lintOptions(values, root)
  const progress = createProgress(io)
  const options: LintOptions = {
    ...local,
    ...(values.base === undefined ? {} : { base: await baseRef(local.root, values.base) }),
    ...(values.enumerate === true
      ? { enumerate: enumerateRequest(values, io, progress.update) }
      : {}),
    ...(values.lockfile === undefined ? {} : { lockfile: values.lockfile })
  }
  return { lint: options, progress }
}

export function checkEnumerationOptions(values: Values): void {
  const enumerating = [
    'sandbox',
    'timeout',
    'concurrency',
    'remote',
    'remote-header',
    'allow-private-hosts',
    'no-cache'
  ] as const
  if (values.enumerate !== true) {
    const stray = enumerating.find((name) => values[name] !== undefined)
    if (stray !== undefined) throw new UsageError(`--${stray} needs --enumerate`)
  }
  if (values.fix === true || values['fix-dry-run'] === true) {
    if (values.enumerate === true || values.base !== undefined)
      throw new UsageError(
        '--fix and --fix-dry-run fix what the files say: leave out --enumerate and --base'
      )
    if (values.fix === true && values['fix-dry-run'] === true)
      throw new UsageError('--fix and --fix-dry-run cannot be combined')
  }
}

function warningLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value))
    throw new UsageError(
      `--max-warnings must be a whole number, 0 or more, not "${escapeLogLine(value.slice(0, 40))}"`
    )
  return Number(value)
}

/**
 * No argument: the current directory. One directory: that repository. Files (a pre-commit hook's,
 * lint-staged's): the repository in the current directory, reporting only those files.
 */
async function checkTarget(positionals: readonly string[], commandNamed: boolean): Promise<Target> {
  const [first] = positionals
  if (first === undefined) return { root: '.' }
  const kinds = await Promise.all(positionals.map(pathKind))
  if (positionals.length === 1 && kinds[0] === 'directory') return { root: first }
  const files = new Set<string>()
  // Real paths on both sides: a shell in a symlinked directory gives $PWD paths, process.cwd() the
  // physical one. The file's own name is kept: a symlinked config is judged where it is.
  const cwd = await realpath('.')
  for (const [index, path] of positionals.entries()) {
    const kind = kinds[index]
    if (kind === 'missing') {
      const guess = commandNamed || index > 0 ? undefined : mistypedCommand(path)
      throw new UsageError(
        guess === undefined
          ? `${path}: no such file or directory`
          : `unknown command "${path}" (did you mean "${guess}"?); see mcp-lint --help`
      )
    }
    if (kind === 'directory')
      throw new UsageError(
        `${path} is a directory: give one directory, or files of the repository in the current directory`
      )
    const absolute = resolve(path)
    const real = join(await realpath(dirname(absolute)), basename(absolute))
    const relativePath = relative(cwd, real).split(sep).join('/')
    if (
      relativePath.startsWith('../') ||
      relativePath === '..' ||
      /^[A-Za-z]:|^\//.test(relativePath)
    )
      throw new UsageError(
        `${path} is a file outside the current directory: give a directory to check, or files of the repository in the current directory`
      )
    files.add(relativePath)
  }
  return { root: '.', files }
}

async function pathKind(path: string): Promise<'file' | 'directory' | 'missing'> {
  const info = await stat(path).catch(() => undefined)
  if (info === undefined) return 'missing'
  return info.isDirectory() ? 'directory' : 'file'
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
