import type { Diagnostic } from '../model/diagnostic.js'
import { escapeText } from '../util/quote.js'
import type { LintResult } from '../lint.js'
import { plural } from '../util/plural.js'
import { escapeCodeSpan, escapeMarkdown } from './escape/markdown.js'

/**
 * A Markdown table; cells are escaped by the caller. Rows past `max` are counted, not shown, so a
 * repository with thousands of servers cannot blow the size of a summary or a comment.
 */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  max = Number.POSITIVE_INFINITY
): string {
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.slice(0, max).map((row) => `| ${row.join(' | ')} |`)
  ]
  if (rows.length > max) lines.push('', `… and ${rows.length - max} more rows`)
  return lines.join('\n')
}

/** Rows of the secondary tables (platforms, drift, servers) shown at most. */
export const SECTION_ROWS = 200

const icons = { error: '🔴', warning: '🟡', notice: '🔵' } as const

export function findingRow(d: Diagnostic): string[] {
  return [
    `${icons[d.severity]} ${d.severity}`,
    // The path is cut before the position is added, so the position always shows.
    escapeCodeSpan(`${escapeText(d.file, 120)}:${d.range.start.line}:${d.range.start.column}`),
    `\`${d.ruleId}\``,
    escapeMarkdown(d.message)
  ]
}

export const findingHeader = ['Severity', 'Location', 'Rule', 'Message']

/** `**2 errors**, 1 warning, 0 notices in 6 config files with 19 servers`. */
export function totals(result: LintResult): string {
  const { errors, warnings, notices } = result.summary
  const servers = result.files.reduce((total, file) => total + file.servers.length, 0)
  const counts = [
    errors > 0 ? `**${plural(errors, 'error')}**` : plural(errors, 'error'),
    plural(warnings, 'warning'),
    plural(notices, 'notice')
  ].join(', ')
  const known = result.baseline?.known.length ?? 0
  const baseline =
    known === 0
      ? ''
      : `; ${plural(known, 'known finding')} in ${escapeCodeSpan(result.baseline?.path ?? '')} not counted`
  return `${counts} in ${plural(result.files.length, 'config file')} with ${plural(servers, 'server')}${baseline}${generatedBy(result)}`
}

/** The source another tool writes the files from, its path escaped: "; the central source is …". */
function generatedBy(result: LintResult): string {
  const by = result.generatedBy
  return by === undefined
    ? ''
    : `; the central source is ${escapeMarkdown(by.tool)}'s ${escapeCodeSpan(by.source)}`
}

/** Per client file: servers, tools loaded and the platform's limit, for the summary and comment. */
export function platformTable(result: LintResult): string | undefined {
  if (result.platforms.length === 0) return undefined
  const rows = result.platforms.map((report) => {
    const { warning, error } = report.limits
    const limit = [
      ...(warning === undefined ? [] : [`warn > ${warning}`]),
      ...(error === undefined ? [] : [`fail > ${error}`])
    ].join(', ')
    const state =
      error !== undefined && report.tools > error
        ? '🔴'
        : warning !== undefined && report.tools > warning
          ? '🟡'
          : '✅'
    return [
      escapeCodeSpan(report.file),
      escapeMarkdown(report.platform),
      String(report.servers),
      report.unknown > 0 ? `${report.tools} (+${report.unknown} unknown)` : String(report.tools),
      limit === '' ? '-' : `${state} ${limit}`
    ]
  })
  return table(['File', 'Platform', 'Servers', 'Tools', 'Limit'], rows, SECTION_ROWS)
}

/** Findings of one rule grouped by server: drift against the source, tool changes since the lock. */
export function byServer(diagnostics: readonly Diagnostic[], ruleId: string): string | undefined {
  const rows = diagnostics
    .filter((d) => d.ruleId === ruleId)
    .map((d) => [
      escapeMarkdown(d.server ?? '-', 80),
      escapeCodeSpan(`${escapeText(d.file, 120)}:${d.range.start.line}`),
      escapeMarkdown(d.message)
    ])
  return rows.length === 0 ? undefined : table(['Server', 'Where', 'What'], rows, SECTION_ROWS)
}
