import { parseArgs } from 'node:util'
import { UsageError } from '../util/errors.js'
import { closest } from '../util/suggest.js'

export const COMMANDS = ['check', 'sync', 'lock', 'rules', 'init'] as const
export type Command = (typeof COMMANDS)[number]

interface OptionSpec {
  readonly type: 'string' | 'boolean'
  readonly short?: string
  readonly multiple?: boolean
  /** The value's name in help: `--format FORMAT`. */
  readonly value?: string
  readonly help: string
  readonly commands: readonly Command[]
}

const enumerating = ['check', 'lock', 'init'] as const
const reading = ['check', 'sync', 'lock', 'init'] as const

/**
 * Every option, once: the parser, the help of each command and the did-you-mean hints read this
 * table, so an option cannot be accepted by one and missing from another.
 */
export const OPTIONS = {
  format: {
    type: 'string',
    short: 'f',
    value: 'FORMAT',
    help: 'check: text (default), json or sarif; rules: text (default) or json',
    commands: ['check', 'rules']
  },
  output: {
    type: 'string',
    short: 'o',
    value: 'FILE',
    help: 'write the report to FILE instead of standard output',
    commands: ['check']
  },
  'fail-on': {
    type: 'string',
    value: 'LEVEL',
    help: 'exit 1 on findings at or above LEVEL: error (default), warning, notice, never',
    commands: ['check']
  },
  'max-warnings': {
    type: 'string',
    value: 'N',
    help: 'exit 1 on more than N warnings, whatever --fail-on says',
    commands: ['check']
  },
  quiet: {
    type: 'boolean',
    short: 'q',
    help: 'report errors only: warnings and notices leave the report (--fail-on and --max-warnings still count them)',
    commands: ['check']
  },
  'error-on-empty': {
    type: 'boolean',
    help: 'exit 1 when the directory holds no MCP config at all (default: exit 0 and say so)',
    commands: ['check']
  },
  enumerate: {
    type: 'boolean',
    help: 'start the stdio servers in the sandbox and list their tools (init: for the baseline)',
    commands: ['check', 'init']
  },
  sandbox: {
    type: 'string',
    value: 'MODE',
    help: 'auto (default), bwrap, or none (no isolation: only if you trust every server)',
    commands: enumerating
  },
  timeout: {
    type: 'string',
    value: 'SECONDS',
    help: 'time per server to start and list its tools (default 45)',
    commands: enumerating
  },
  concurrency: {
    type: 'string',
    value: 'N',
    help: 'servers started at once (default 4)',
    commands: enumerating
  },
  remote: {
    type: 'boolean',
    help: 'connect to remote (HTTP/SSE) servers too',
    commands: enumerating
  },
  'remote-header': {
    type: 'string',
    multiple: true,
    value: 'SERVER=HEADER:VARIABLE',
    help: 'with --remote: send HEADER to SERVER, its value from the environment variable VARIABLE (repeatable)',
    commands: enumerating
  },
  'allow-private-hosts': {
    type: 'boolean',
    help: 'with --remote: allow http:// and private addresses (local test servers)',
    commands: enumerating
  },
  'no-cache': {
    type: 'boolean',
    help: 'fetch npm packages into a fresh directory, removed afterwards, instead of the cache (MCP_LINT_CACHE_DIR, else $XDG_CACHE_HOME/mcp-lint/npm, else ~/.cache/mcp-lint/npm)',
    commands: enumerating
  },
  base: {
    type: 'string',
    value: 'REF',
    help: "read mcp-lint.json, the lockfile and the baseline from the git revision REF (a pull request's base), report the branch's own changes to mcp-lint.json, and send bound headers only to the URLs REF gives those servers",
    commands: ['check']
  },
  lockfile: {
    type: 'string',
    value: 'FILE',
    help: "compare tools with this lockfile instead of the repository's",
    commands: ['check']
  },
  fix: {
    type: 'boolean',
    help: "write the fixes of the findings that have one (a secret becomes a reference, a typo the field, an unpinned package the locked version, a value the central source's), then report what is left",
    commands: ['check']
  },
  'fix-dry-run': {
    type: 'boolean',
    help: 'show those fixes as a diff and write nothing',
    commands: ['check']
  },
  check: {
    type: 'boolean',
    help: 'write nothing; exit 1 and show a diff if any file would change',
    commands: ['sync']
  },
  init: {
    type: 'boolean',
    help: 'create the central source from the existing platform files',
    commands: ['sync']
  },
  baseline: {
    type: 'boolean',
    help: 'also record the findings the repository has now, so that only new ones fail',
    commands: ['init']
  },
  source: {
    type: 'string',
    value: 'FILE',
    help: 'the central source, when it is not .agents/mcp/mcp-servers.json (repo-relative)',
    commands: reading
  },
  platforms: {
    type: 'string',
    value: 'LIST',
    help: "check only these platforms' files, comma-separated (claude-code,cursor,…); the central source is always read",
    commands: ['check', 'sync', 'lock', 'init']
  },
  environment: {
    type: 'string',
    short: 'e',
    value: 'NAME',
    help: 'apply .agents/mcp/environments/NAME.json to the central source',
    commands: ['check', 'sync', 'lock']
  },
  config: {
    type: 'string',
    short: 'c',
    value: 'FILE',
    help: 'mcp-lint config (default: mcp-lint.json or .mcp-lint.json in DIR)',
    commands: ['check', 'sync', 'lock']
  },
  help: {
    type: 'boolean',
    short: 'h',
    help: 'show this help',
    commands: COMMANDS
  },
  version: {
    type: 'boolean',
    short: 'v',
    help: 'show the version',
    commands: []
  }
} as const satisfies Record<string, OptionSpec>

export type OptionName = keyof typeof OPTIONS
export type Values = Partial<{
  -readonly [Name in OptionName]: (typeof OPTIONS)[Name] extends { multiple: true }
    ? string[]
    : (typeof OPTIONS)[Name]['type'] extends 'string'
      ? string
      : boolean
}>

export interface CommandLine {
  /** The command named, or undefined when the first word is not one (`mcp-lint DIR`). */
  readonly command: Command | undefined
  readonly values: Values
  readonly positionals: readonly string[]
}

/**
 * Parses the command line against the table. An unknown option or a mistyped command is a usage
 * error with the closest spelling that exists; an option of another command says which ones take it.
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed: { values: Record<string, unknown>; positionals: string[] }
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: OPTIONS
    })
  } catch (error) {
    throw new UsageError(explainParseError(error))
  }
  const values = parsed.values as Values
  const [first, ...rest] = parsed.positionals
  const command = COMMANDS.find((name) => name === first)
  const positionals = command === undefined ? parsed.positionals : rest
  if (command !== undefined && values.help !== true) checkApplies(values, command)
  return { command, values, positionals }
}

/** Options that belong to another command are a usage error, not silently ignored. */
export function checkApplies(values: Values, command: Command): void {
  for (const name of Object.keys(values) as OptionName[]) {
    const spec: OptionSpec = OPTIONS[name]
    if (spec.commands.includes(command) || name === 'version') continue
    const where = spec.commands.map((other) => `"${other}"`).join(' and ')
    throw new UsageError(
      `--${name} does not apply to "${command}"${where === '' ? '' : `; it is an option of ${where}`} (see mcp-lint ${command} --help)`
    )
  }
}

/** A mistyped command: the first word is close to a command name and is not a directory. */
export function mistypedCommand(word: string): string | undefined {
  return closest(word, COMMANDS)
}

function explainParseError(error: unknown): string {
  // Not `instanceof Error`: parseArgs's errors can come from another realm (a test's VM context).
  const { message = String(error), code } = error as { message?: string; code?: string }
  const unknown = /^Unknown option '(-{1,2})([^']*)'/.exec(message)
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown !== null) {
    const [, dashes = '--', name = ''] = unknown
    const known = Object.keys(OPTIONS)
    const guess = dashes === '--' ? closest(name, known) : undefined
    return `unknown option ${dashes}${name}${guess === undefined ? '' : ` (did you mean --${guess}?)`}; see mcp-lint --help`
  }
  // parseArgs's own wording for a missing value names the option and its short form.
  return `${message.replace(/\. To specify a positional argument.*$/s, '')}; see mcp-lint --help`
}
