import { escapeTerminal } from './terminal.js'

/**
 * A line for a GitHub Actions log: the Action's `core.info` lines and the data of its `::warning::`
 * and `::error::` commands, and the CLI's output when a workflow runs it. The runner reads every
 * output line for workflow commands, `::name::` at its start after any whitespace and the legacy
 * `##[name]` anywhere in it (actions/runner ActionCommand.TryParseV2 and TryParse), so repository
 * text must neither start a new line (line breaks are shown escaped) nor form either prefix.
 */
export function escapeLogLine(text: string): string {
  return escapeTerminal(text)
    .replace(/^(\s*):(?=:)/, '$1: ')
    .replace(/#(?=#\[)/g, '# ')
}
