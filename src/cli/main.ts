import { UsageError } from '../util/errors.js'
import { escapeLogLine } from '../reporters/escape/log-line.js'
import { TOOL_NAME, VERSION } from '../version.js'
import { commandHelp, globalHelp } from './help.js'
import { ExitCode, processIO, type CliIO } from './io.js'
import { COMMANDS, parseCommandLine, type Command } from './options.js'

export { ExitCode, processIO, type CliIO } from './io.js'
export { outputPending } from './standard-streams.js'

/** Runs the CLI; returns the exit code. Never throws: a usage error is 2, anything else 3. */
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

/**
 * An error's lines, each escaped: usage errors can end with our own multi-line help, and the rest
 * can quote a path or a value from the repository.
 */
function escapeLines(text: string): string {
  return text.split('\n').map(escapeLogLine).join('\n')
}

async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const { command, values, positionals } = parseCommandLine(argv)
  if (command === undefined && positionals[0] === 'help') return help(positionals.slice(1), io)
  if (values.help === true) {
    io.stdout(command === undefined ? globalHelp() : commandHelp(command))
    return ExitCode.ok
  }
  if (values.version === true) {
    io.stdout(`${VERSION}\n`)
    return ExitCode.ok
  }
  const { runCommand } = await import('./commands.js')
  return runCommand(command, values, positionals, io)
}

/** `mcp-lint help [COMMAND]`, as git and npm have it. */
function help(topics: readonly string[], io: CliIO): number {
  const [topic] = topics
  if (topic === undefined) {
    io.stdout(globalHelp())
    return ExitCode.ok
  }
  const command = COMMANDS.find((name): name is Command => name === topic)
  if (command === undefined || topics.length > 1)
    throw new UsageError(
      `no help for "${topics.join(' ')}": the commands are ${COMMANDS.join(', ')}`
    )
  io.stdout(commandHelp(command))
  return ExitCode.ok
}
