import { UsageError } from '../util/errors.js'
import { checkEnumerationOptions, runCheck } from './check-command.js'
import type { CliIO } from './io.js'
import { enumerateRequest, lintOptions, oneDirectory } from './lint-options.js'
import { checkApplies, type Command, type Values } from './options.js'
import { createProgress } from './progress.js'

/**
 * Runs one command. Loaded only once the command line asks for a command: `--version` and
 * `--help` never evaluate lint() and everything it imports. The commands other than check load
 * when asked for: a check never compiles the code that writes files (sync, fix, init, lock) nor
 * the YAML and TOML editors it brings.
 */
export async function runCommand(
  command: Command | undefined,
  values: Values,
  positionals: readonly string[],
  io: CliIO
): Promise<number> {
  switch (command) {
    case 'rules':
      if (positionals.length > 0)
        throw new UsageError('"rules" takes no arguments (see mcp-lint rules --help)')
      return (await import('./rules-command.js')).runRules(values, io)
    case 'lock': {
      const { runLock } = await import('./lock-command.js')
      const progress = createProgress(io)
      return runLock(
        {
          ...lintOptions(values, oneDirectory(positionals, 'lock')),
          enumerate: enumerateRequest(values, io, progress.update)
        },
        io,
        progress.done
      )
    }
    case 'sync': {
      const { runSync } = await import('./sync-command.js')
      return runSync(
        lintOptions(values, oneDirectory(positionals, 'sync')),
        { check: values.check === true, init: values.init === true },
        io
      )
    }
    case 'init': {
      checkEnumerationOptions(values)
      const { runInit } = await import('./init-command.js')
      const progress = createProgress(io)
      const options = lintOptions(values, oneDirectory(positionals, 'init'))
      try {
        return await runInit(
          values.enumerate === true
            ? { ...options, enumerate: enumerateRequest(values, io, progress.update) }
            : options,
          values,
          io
        )
      } finally {
        progress.done()
      }
    }
    case 'check':
      return runCheck(values, positionals, io, true)
    case undefined:
      // `mcp-lint DIR`: check is the default command.
      checkApplies(values, 'check')
      return runCheck(values, positionals, io, false)
  }
}
