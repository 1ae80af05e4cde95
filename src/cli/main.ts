import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import { severityRank } from '../core/diagnostic.js'
import { UsageError } from '../core/errors.js'
import { lint, type LintOptions, type LintResult } from '../lint.js'
import { formatJson } from '../reporters/json.js'
import { formatSarif } from '../reporters/sarif.js'
import { formatText, summaryLine } from '../reporters/text.js'
import { rules } from '../rules/index.js'
import { TOOL_NAME, VERSION } from '../version.js'
import { runSync } from './sync-command.js'

/** What the CLI touches of the outside world, so tests run it in-process. */
export interface CliIO {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** Writes a file, creating its directory. */
  readonly writeFile: (path: string, text: string) => Promise<void>
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  writeFile: async (path, text) => {
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, text, 'utf8')
  }
}

/** Exit codes, as actionlint's: 0 clean, 1 findings at or above --fail-on, 2 usage, 3 internal error. */
export const ExitCode = { ok: 0, findings: 1, usage: 2, internal: 3 } as const

const formats = { text: formatText, json: formatJson, sarif: formatSarif } as const
type Format = keyof typeof formats
const failLevels = ['error', 'warning', 'notice', 'never'] as const
type FailOn = (typeof failLevels)[number]

export const usage = `Usage: ${TOOL_NAME} [check] [DIR] [options]
       ${TOOL_NAME} sync [DIR] [--check | --init] [options]
       ${TOOL_NAME} rules

check (the default) lints the MCP server configs of the repository in DIR (default: the current
directory). sync writes every platform file from the central source (.agents/mcp/mcp-servers.json).

Options:
  -f, --format FORMAT      check: text (default), json or sarif
  -o, --output FILE        check: write the report to FILE instead of standard output
      --fail-on LEVEL      check: exit 1 on findings at or above LEVEL: error (default), warning,
                           notice, never
      --check              sync: write nothing; exit 1 and show a diff if any file would change
      --init               sync: create the central source from the existing platform files
  -e, --environment NAME   apply .agents/mcp/environments/NAME.json to the central source
  -c, --config FILE        mcp-lint config (default: mcp-lint.json or .mcp-lint.json in DIR)
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 success, 1 findings at the --fail-on level (check) or files out of date (sync --check),
2 usage or config error, 3 internal error.
`

export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  try {
    return await run(argv, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${TOOL_NAME}: ${error.message}\n`)
      return ExitCode.usage
    }
    const detail = error instanceof Error ? error.message : String(error)
    io.stderr(
      `${TOOL_NAME}: internal error: ${detail}\nThis is a bug in ${TOOL_NAME}; please report it.\n`
    )
    if (process.env.MCP_LINT_DEBUG === '1' && error instanceof Error && error.stack !== undefined) {
      io.stderr(`${error.stack}\n`)
    }
    return ExitCode.internal
  }
}

type Values = ReturnType<typeof parseCommandLine>['values']

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
  if (command === 'sync') {
    only(values, ['check', 'init', 'environment', 'config'], 'sync')
    return runSync(
      lintOptions(values, rest),
      { check: values.check === true, init: values.init === true },
      io
    )
  }
  only(values, ['format', 'output', 'fail-on', 'environment', 'config'], 'check')
  return runCheck(lintOptions(values, command === 'check' ? rest : positionals), values, io)
}

async function runCheck(options: LintOptions, values: Values, io: CliIO): Promise<number> {
  const format = oneOf('--format', values.format ?? 'text', Object.keys(formats) as Format[])
  const failOn = oneOf('--fail-on', values['fail-on'] ?? 'error', failLevels)
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
