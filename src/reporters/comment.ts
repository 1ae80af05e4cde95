import { severityRank } from '../core/diagnostic.js'
import type { LintResult } from '../lint.js'
import { HOMEPAGE, TOOL_NAME, VERSION } from '../version.js'
import { byServer, findingHeader, findingRow, platformTable, table, totals } from './markdown.js'
import { escapeHtmlComment, escapeMarkdown } from './escape/markdown.js'
import { plural } from '../core/plural.js'

/** GitHub rejects an issue or pull request comment over 65,536 characters. */
export const COMMENT_LIMIT = 65_536

/** Findings shown before the rest fold into a `<details>` section. */
const OPEN_ROWS = 15

export interface CommentOptions {
  /** Hidden marker that identifies this workflow's comment, so each run updates it in place. */
  readonly marker: string
  /** The commit the report is for, shown in the footer. */
  readonly sha?: string
  /** The workflow run, linked in the footer (the job summary has the full report). */
  readonly runUrl?: string
  readonly limit?: number
}

/** The hidden marker a comment starts with: the same workflow and path find their comment again. */
export function commentMarker(key: string): string {
  return `<!-- ${TOOL_NAME}:comment ${escapeHtmlComment(key)} -->`
}

/**
 * The sticky pull request comment: totals and findings, then platforms, drift and tool changes
 * folded away; a short all-clear once there are no findings. Public, so built only from messages
 * that are already free of secrets, escaped, and cut to GitHub's limit deterministically.
 */
export function formatComment(result: LintResult, options: CommentOptions): string {
  const limit = options.limit ?? COMMENT_LIMIT
  const footer = `\n<sub>${[
    `[${TOOL_NAME}](${HOMEPAGE}) ${VERSION}`,
    ...(options.sha === undefined ? [] : [`commit ${escapeMarkdown(options.sha.slice(0, 7))}`]),
    ...(options.runUrl === undefined ? [] : [`[workflow run](${options.runUrl})`])
  ].join(' · ')}</sub>\n`
  if (result.diagnostics.length === 0)
    return `${options.marker}\n### ✅ ${TOOL_NAME}: no findings\n\n${totals(result)}.\n${footer}`
  const { errors, warnings, notices } = result.summary
  const headline = errors > 0 ? '❌' : warnings > 0 ? '⚠️' : 'ℹ️'
  // Errors first: the open part of the comment is what a reviewer reads.
  const rows = [...result.diagnostics]
    .sort((a, b) => severityRank[b.severity] - severityRank[a.severity])
    .map(findingRow)
  const folded = [
    details('Tools per platform', platformTable(result)),
    details(
      `Drift from the central source (${count(result, 'source-drift')})`,
      byServer(result.diagnostics, 'source-drift')
    ),
    details(
      `Tool changes since the lockfile (${count(result, 'tool-surface-drift')})`,
      byServer(result.diagnostics, 'tool-surface-drift')
    )
  ].filter((text) => text !== '')
  const build = (shown: number, sections = folded) => {
    const open = rows.slice(0, Math.min(shown, OPEN_ROWS))
    const rest = rows.slice(OPEN_ROWS, shown)
    return [
      options.marker,
      `### ${headline} ${TOOL_NAME}: ${[
        plural(errors, 'error'),
        plural(warnings, 'warning'),
        plural(notices, 'notice')
      ].join(', ')}`,
      '',
      `${totals(result)}.`,
      '',
      table(findingHeader, open),
      rest.length === 0
        ? ''
        : details(plural(rest.length, 'more finding'), table(findingHeader, rest)),
      shown < rows.length
        ? `\n${plural(rows.length - shown, 'finding')} more in the job summary and the SARIF report: a comment holds at most ${limit} characters.`
        : '',
      ...sections,
      footer
    ]
      .filter((part, index) => part !== '' || index === 2 || index === 4)
      .join('\n')
  }
  const full = build(rows.length)
  if (full.length <= limit) return full
  // The folded sections go first (the summary has them), then findings, by binary search.
  let sections = folded
  while (sections.length > 0 && build(0, sections).length > limit) sections = sections.slice(0, -1)
  let low = 0
  let high = rows.length
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (build(middle, sections).length <= limit) low = middle
    else high = middle - 1
  }
  return build(low, sections)
}

function details(summary: string, body: string | undefined): string {
  return body === undefined
    ? ''
    : `\n<details><summary>${summary}</summary>\n\n${body}\n\n</details>`
}

function count(result: LintResult, ruleId: string): number {
  return result.diagnostics.filter((d) => d.ruleId === ruleId).length
}
