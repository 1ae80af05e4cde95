import { TOOL_NAME } from '../version.js'
import { COMMANDS, OPTIONS, type Command, type OptionName } from './options.js'

const WIDTH = 100
const HELP_COLUMN = 27

interface CommandHelp {
  readonly synopsis: string
  /** One line for the command list. */
  readonly summary: string
  /** A paragraph for the command's own --help. */
  readonly details: string
}

const COMMAND_HELP: Readonly<Record<Command, CommandHelp>> = {
  check: {
    synopsis: '[check] [DIR | FILE...] [options]',
    summary: 'lint the MCP server configs of a repository (the default command)',
    details:
      'Lints the MCP server configs of the repository in DIR (default: the current directory): each ' +
      "client's file against that client's real behaviour, against the central source " +
      '(.agents/mcp/mcp-servers.json) and, with --enumerate, against the tools its servers really ' +
      'have. Given files instead (a pre-commit hook, lint-staged), it lints the repository in the ' +
      'current directory and reports only the findings in those files.'
  },
  sync: {
    synopsis: 'sync [DIR] [--check | --init] [options]',
    summary: 'write every platform file from the central source',
    details:
      'Writes every platform file from the central source (.agents/mcp/mcp-servers.json), keeping ' +
      "each file's comments, order and the fields only that client knows. --check writes nothing " +
      'and shows what would change; --init creates the central source from the existing files.'
  },
  lock: {
    synopsis: 'lock [DIR] [options]',
    summary: 'start every stdio server in the sandbox and pin its tools in the lockfile',
    details:
      'Starts every stdio server in the sandbox, lists its tools and pins them, with the package ' +
      'versions that ran, in .agents/mcp/mcp-lock.json. Exits 1 when a server could not be pinned.'
  },
  rules: {
    synopsis: 'rules [--format text | json]',
    summary: 'list the rules with their default severity',
    details: 'Lists every rule with its default severity and description.'
  },
  init: {
    synopsis: 'init [DIR] [--baseline] [options]',
    summary: 'add a workflow and a starter mcp-lint.json to a repository',
    details:
      'Writes .github/workflows/mcp-lint.yml at the top of the git repository (the Action of this ' +
      'release on pull requests and on a weekly schedule, with the least permissions it needs) and ' +
      'a starter mcp-lint.json in DIR; files that exist are kept. --baseline also records the findings the repository has now in ' +
      '.agents/mcp/mcp-lint-baseline.json: they are reported as known, and only new ones fail. ' +
      'Run it again with --baseline to record the findings anew.'
  }
}

const EXIT_CODES =
  'Exit codes: 0 success, 1 findings at the --fail-on level or over --max-warnings (check), files out\n' +
  'of date or unreadable (sync), a server not pinned (lock), 2 usage or config error, 3 internal error.\n'

/** `mcp-lint --help`: every command and every option, grouped by the commands that take it. */
export function globalHelp(): string {
  const synopses = COMMANDS.map(
    (command, index) =>
      `${index === 0 ? 'Usage:' : '      '} ${TOOL_NAME} ${COMMAND_HELP[command].synopsis}`
  )
  const commands = COMMANDS.map((command) =>
    formatEntry(`  ${command}`, COMMAND_HELP[command].summary)
  )
  const names = Object.keys(OPTIONS) as OptionName[]
  const section = (title: string, test: (commands: readonly Command[]) => boolean) => {
    const lines = names
      .filter((name) => test(OPTIONS[name].commands))
      .map((name) => optionLine(name))
    return `${title}:\n${lines.join('\n')}`
  }
  return [
    synopses.join('\n'),
    `Commands:\n${commands.join('\n')}`,
    section(
      'Options of check',
      (c) => c.includes('check') && !c.includes('lock') && !c.includes('sync')
    ),
    section(
      'Options of check --enumerate, lock and init --enumerate',
      (c) => c.includes('lock') && !c.includes('sync')
    ),
    section('Options of sync', (c) => c.length === 1 && c[0] === 'sync'),
    section('Options of init', (c) => c.length === 1 && c[0] === 'init'),
    section(
      'Options of every command that reads a repository',
      (c) => c.includes('sync') && c.length >= 3 && c.length < COMMANDS.length
    ),
    section('General', (c) => c.length === 0 || c.length === COMMANDS.length),
    `Run "${TOOL_NAME} COMMAND --help" for one command's options.\n\n${EXIT_CODES}`
  ].join('\n\n')
}

/** `mcp-lint COMMAND --help`: the command, what it does, and only the options it takes. */
export function commandHelp(command: Command): string {
  const help = COMMAND_HELP[command]
  const names = (Object.keys(OPTIONS) as OptionName[]).filter((name) =>
    (OPTIONS[name].commands as readonly Command[]).includes(command)
  )
  return [
    `Usage: ${TOOL_NAME} ${help.synopsis}`,
    wrap(help.details, WIDTH).join('\n'),
    `Options:\n${names.map((name) => optionLine(name)).join('\n')}`,
    EXIT_CODES
  ].join('\n\n')
}

function optionLine(name: OptionName): string {
  const spec = OPTIONS[name]
  const short = 'short' in spec ? `-${spec.short}, ` : '    '
  const value = 'value' in spec ? ` ${spec.value}` : ''
  return formatEntry(`  ${short}--${name}${value}`, spec.help)
}

/** A left column and its text wrapped beside it, as GNU tools lay out --help. */
function formatEntry(left: string, text: string): string {
  const lines = wrap(text, WIDTH - HELP_COLUMN)
  const pad = ' '.repeat(HELP_COLUMN)
  const first =
    left.length < HELP_COLUMN - 1
      ? `${left.padEnd(HELP_COLUMN)}${lines[0] ?? ''}`
      : `${left}\n${pad}${lines[0] ?? ''}`
  return [first, ...lines.slice(1).map((line) => `${pad}${line}`)].join('\n')
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(line)
  return lines
}
