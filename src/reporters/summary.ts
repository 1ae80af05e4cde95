import type { LintResult } from '../lint.js'
import {
  SECTION_ROWS,
  byServer,
  findingHeader,
  findingRow,
  platformTable,
  table,
  totals
} from './markdown.js'
import { escapeMarkdown } from './escape/markdown.js'
import { plural } from '../util/plural.js'

/** GitHub refuses a step summary over 1 MiB; the margin leaves room for other steps' text. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024

export interface SummaryOptions {
  /** Findings not shown as annotations because of GitHub's per-step budget. */
  readonly unannotated?: number
  /** A heading above the report, e.g. for drift mode. */
  readonly title?: string
  readonly limitBytes?: number
}

/**
 * The job summary: totals, every finding, each platform's tool count against its limit, drift per
 * server, tool changes since the lockfile and what each server cost. Deterministic; if it would
 * pass GitHub's limit, findings are cut from the end and the cut is stated.
 */
export function formatSummary(result: LintResult, options: SummaryOptions = {}): string {
  const limit = options.limitBytes ?? SUMMARY_LIMIT_BYTES
  const head = [
    `## ${options.title ?? 'mcp-lint'}`,
    '',
    totals(result) +
      (result.enumeration === undefined
        ? ''
        : `; servers enumerated in ${(result.enumeration.durationMs / 1000).toFixed(1)} s (sandbox: ${result.enumeration.sandbox})`),
    ...(options.unannotated !== undefined && options.unannotated > 0
      ? [
          '',
          `${plural(options.unannotated, 'finding')} not shown as annotations: GitHub shows at most 10 per level in a step. All are listed here.`
        ]
      : [])
  ].join('\n')
  const sections = [
    section('Tools per platform', platformTable(result)),
    section('Drift from the central source', byServer(result.diagnostics, 'source-drift')),
    section('Tool changes since the lockfile', byServer(result.diagnostics, 'tool-surface-drift')),
    section('Servers', serverTable(result))
  ].filter((text) => text !== '')
  const rows = result.diagnostics.map(findingRow)
  const build = (shown: number) =>
    [
      head,
      rows.length === 0
        ? '\nNo findings.'
        : `\n### Findings\n\n${table(findingHeader, rows.slice(0, shown))}` +
          (shown < rows.length
            ? `\n\n${plural(rows.length - shown, 'more finding')} not shown: the summary would pass GitHub's 1 MiB limit. The JSON and SARIF reports have all of them.`
            : ''),
      ...sections
    ].join('\n') + '\n'
  const full = build(rows.length)
  if (bytes(full) <= limit) return full
  // The most findings that fit, by binary search: a few rebuilds even for 100,000 findings.
  let low = 0
  let high = rows.length
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (bytes(build(middle)) <= limit) low = middle
    else high = middle - 1
  }
  return build(low)
}

function section(title: string, body: string | undefined): string {
  return body === undefined ? '' : `\n### ${title}\n\n${body}`
}

function serverTable(result: LintResult): string | undefined {
  if (result.enumeration === undefined) return undefined
  const seen = new Set<string>()
  const rows = result.servers
    .filter((server) => !seen.has(server.name) && seen.add(server.name))
    .map((server) => [
      escapeMarkdown(server.name, 80),
      server.status === 'ok'
        ? 'ok'
        : `${server.status} (${escapeMarkdown(server.reason ?? '', 40)})`,
      server.tools === undefined ? '-' : String(server.tools.length),
      server.durationMs === undefined ? '-' : `${(server.durationMs / 1000).toFixed(1)} s`,
      server.peakRssBytes === undefined
        ? '-'
        : `${Math.round(server.peakRssBytes / 1024 / 1024)} MB`
    ])
  return table(['Server', 'Status', 'Tools', 'Time', 'Memory'], rows, SECTION_ROWS)
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}
