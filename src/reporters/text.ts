import type { LintResult } from '../lint.js'

/** `path:line:col: severity message [rule-id]`, one finding per line (actionlint's format), then a summary. */
export function formatText(result: LintResult): string {
  const lines = result.diagnostics.map(
    (d) =>
      `${d.file}:${d.range.start.line}:${d.range.start.column}: ${d.severity} ${d.message} [${d.ruleId}]`
  )
  lines.push(summaryLine(result))
  return `${lines.join('\n')}\n`
}

export function summaryLine(result: LintResult): string {
  const { errors, warnings, notices } = result.summary
  const servers = result.files.reduce((total, file) => total + file.servers.length, 0)
  const counts = [
    plural(errors, 'error'),
    plural(warnings, 'warning'),
    plural(notices, 'notice')
  ].join(', ')
  const ignored =
    result.ignored > 0 ? ` (${plural(result.ignored, 'finding')} ignored by config)` : ''
  return `${counts} in ${plural(result.files.length, 'config file')} with ${plural(servers, 'server')}${ignored}`
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
