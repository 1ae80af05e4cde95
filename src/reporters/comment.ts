import { severityRank, type Diagnostic, type Severity } from '../model/diagnostic.js'
import { plural } from '../util/plural.js'
import { escapeText } from '../util/quote.js'
import type { LintResult } from '../lint.js'
import { HOMEPAGE, TOOL_NAME, VERSION } from '../version.js'
import {
  encodeUrlPath,
  escapeCodeSpan,
  escapeHtmlComment,
  escapeMarkdown
} from './escape/markdown.js'
import { platformTable, totals } from './markdown.js'

/** GitHub rejects an issue or pull request comment over 65,536 characters. */
export const COMMENT_LIMIT = 65_536

export interface CommentOptions {
  /** Hidden marker that identifies this workflow's comment, so each run updates it in place. */
  readonly marker: string
  /** The commit the report is for, shown in the footer. */
  readonly sha?: string
  /** The workflow run, linked in the footer (the job summary has the full report). */
  readonly runUrl?: string
  /**
   * Where the checked files are on GitHub, at the pull request's head
   * (`https://github.com/o/r/blob/<sha>/<path>`): each finding links to its line there.
   */
  readonly linkBase?: string
  readonly limit?: number
}

/** A hidden marker a comment starts with: the same workflow and path find their comment again. */
export function commentMarker(key: string): string {
  return `<!-- ${TOOL_NAME}:comment ${escapeHtmlComment(key)} -->`
}

const headings: Readonly<Record<Severity, string>> = {
  error: '🔴 Errors',
  warning: '🟡 Warnings',
  notice: '🔵 Notices'
}

/**
 * The sticky pull request comment. It leads with what to do: the counts, how many findings a
 * command fixes, then every finding on one line, by severity and, within one, by rule with
 * leaked secrets first, each linked to its line in the pull request's head. Only the tool counts
 * per platform, which no finding repeats, are folded below. Public, so built only from messages
 * already free of secrets, escaped, and cut to GitHub's limit deterministically.
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
  const ordered = [...result.diagnostics].sort(leadingFirst)
  const head = [
    options.marker,
    `### ${headline} ${TOOL_NAME}: ${[
      plural(errors, 'error'),
      plural(warnings, 'warning'),
      plural(notices, 'notice')
    ].join(', ')}`,
    '',
    `${totals(result)}.`,
    ...fixLines(result.diagnostics)
  ].join('\n')
  const platforms = platformTable(result)
  const folded =
    platforms === undefined
      ? ''
      : `\n<details><summary>Tools per platform</summary>\n\n${platforms}\n\n</details>\n`
  const build = (shown: number, withPlatforms: boolean) =>
    [
      head,
      findingSections(ordered.slice(0, shown), options.linkBase),
      shown < ordered.length
        ? `\n${plural(ordered.length - shown, 'finding')} more in the job summary and the SARIF report: a comment holds at most ${limit} characters.\n`
        : '',
      withPlatforms ? folded : '',
      footer
    ].join('\n')
  const full = build(ordered.length, true)
  if (full.length <= limit) return full
  // The folded table goes first (the summary has it), then findings from the end, by binary search.
  let low = 0
  let high = ordered.length
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (build(middle, false).length <= limit) low = middle
    else high = middle - 1
  }
  return build(low, false)
}

/** Severity first; within one, leaked secrets, then by rule, file and position. */
function leadingFirst(a: Diagnostic, b: Diagnostic): number {
  const secret = (d: Diagnostic) => (d.ruleId === 'server-secret' ? 0 : 1)
  return (
    severityRank[b.severity] - severityRank[a.severity] ||
    secret(a) - secret(b) ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column
  )
}

/** What fixes how many findings, when any can be fixed by a command. */
function fixLines(diagnostics: readonly Diagnostic[]): string[] {
  const fixable = diagnostics.filter((d) => d.fix !== undefined).length
  // Drift the edits do not cover (a missing or extra server or field) is what sync writes.
  const synced = diagnostics.filter(
    (d) => d.ruleId === 'source-drift' && d.fix === undefined
  ).length
  const lines = [
    ...(fixable === 0
      ? []
      : [
          `🔧 ${fixable === diagnostics.length ? (fixable === 1 ? 'It has' : `All ${fixable} have`) : `${fixable} of them ${fixable === 1 ? 'has' : 'have'}`} a mechanical fix: run \`${TOOL_NAME} check --fix\` (\`--fix-dry-run\` shows it first).`
        ]),
    ...(synced === 0
      ? []
      : [
          `🔁 ${plural(synced, 'drift finding')} ${synced === 1 ? 'is' : 'are'} fixed by writing the files from the central source: run \`${TOOL_NAME} sync\`.`
        ])
  ]
  return lines.length === 0 ? [] : ['', ...lines]
}

/** One section per severity, one paragraph per rule, one line per finding. */
function findingSections(diagnostics: readonly Diagnostic[], linkBase: string | undefined): string {
  const parts: string[] = []
  let severity: Severity | undefined
  let rule: string | undefined
  for (const d of diagnostics) {
    if (d.severity !== severity) {
      severity = d.severity
      rule = undefined
      const count = diagnostics.filter((other) => other.severity === severity).length
      parts.push('', `#### ${headings[severity]} (${count})`)
    }
    if (d.ruleId !== rule) {
      rule = d.ruleId
      parts.push('', `**${rule}**`, '')
    }
    parts.push(`- ${location(d, linkBase)} ${escapeMarkdown(d.message)}`)
  }
  return parts.join('\n')
}

/** `file:line:column` as code, linked to the line at the pull request's head when the link is known. */
function location(d: Diagnostic, linkBase: string | undefined): string {
  const { line, column } = d.range.start
  const text = escapeCodeSpan(`${escapeText(d.file, 120)}:${line}:${column}`)
  if (linkBase === undefined) return text
  return `[${text}](${linkBase}/${encodeUrlPath(d.file)}#L${line})`
}
