import { plural } from '../util/plural.js'
import { escapeText } from '../util/quote.js'
import type { LintResult, ServerReport } from '../lint.js'
import { escapeLogLine } from './escape/log-line.js'
/** The colours the text report uses. */
export type Paint = Readonly<
  Record<'bold' | 'dim' | 'red' | 'yellow' | 'cyan', (text: string) => string>
>

export interface TextOptions {
  /**
   * ANSI colours (picocolors' createColors(true)): the severity, the position and the rule id
   * stand out on a terminal. The CLI loads picocolors only then: on import it reads
   * process.stdout, which a pipe or a file never needs made.
   */
  readonly paint?: Paint
}

const plain = (text: string) => text
const noPaint: Paint = { bold: plain, dim: plain, red: plain, yellow: plain, cyan: plain }

/**
 * `path:line:col: severity message [rule-id]`, one finding per line (actionlint's format); after
 * an enumeration, one line per server run with its cost and tools; then a summary.
 */
export function formatText(result: LintResult, options: TextOptions = {}): string {
  const paint = options.paint ?? noPaint
  const severityColor = { error: paint.red, warning: paint.yellow, notice: paint.cyan } as const
  // Paths, messages and names come from the repository; a workflow that runs the CLI puts these
  // lines in the runner's log, where the same text could also be read as a workflow command. Each
  // part is escaped before it is painted, so no colour code is escaped and none comes from the text.
  const lines = result.diagnostics.map((d) =>
    [
      paint.bold(escapeLogLine(`${d.file}:${d.range.start.line}:${d.range.start.column}:`)),
      severityColor[d.severity](d.severity),
      escapeLogLine(d.message),
      paint.dim(`[${d.ruleId}]`)
    ].join(' ')
  )
  const rest = [
    ...(result.enumeration === undefined ? [] : serverLines(result)),
    summaryLine(result)
  ]
  return `${[...lines, ...rest.map(escapeLogLine)].join('\n')}\n`
}

/** One line per distinct server (the first file that configures it), with what enumeration found. */
function serverLines(result: LintResult): string[] {
  const seen = new Set<string>()
  const lines = [
    `servers (sandbox: ${result.enumeration?.sandbox ?? 'none'}, ${seconds(result.enumeration?.durationMs ?? 0)}):`
  ]
  for (const server of result.servers) {
    if (seen.has(server.name)) continue
    seen.add(server.name)
    lines.push(`  ${escapeText(server.name)} (${server.file}): ${describe(server)}`)
  }
  return lines
}

function describe(server: ServerReport): string {
  if (server.status === 'skipped') return `skipped (${server.reason ?? 'not started'})`
  if (server.status === 'failed') return `failed (${server.reason ?? 'error'})`
  const cost = [
    seconds(server.durationMs ?? 0),
    ...(server.peakRssBytes === undefined
      ? []
      : [`${Math.round(server.peakRssBytes / 1024 / 1024)} MB`])
  ]
  const tools = server.tools ?? []
  const shown = tools
    .slice(0, 8)
    .map((tool) => escapeText(tool.name, 60))
    .join(', ')
  return `${plural(tools.length, 'tool')} in ${cost.join(', ')}: ${shown}${tools.length > 8 ? ', …' : ''}`
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
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
  const known =
    result.baseline === undefined || result.baseline.known.length === 0
      ? ''
      : ` (${plural(result.baseline.known.length, 'known finding')} in ${result.baseline.path} not counted)`
  return `${counts} in ${plural(result.files.length, 'config file')} with ${plural(servers, 'server')}${ignored}${known}${generatedBy(result)}`
}

/** "; the central source is rulesync's .rulesync/mcp.jsonc", when another tool writes the files. */
export function generatedBy(result: LintResult): string {
  const by = result.generatedBy
  return by === undefined ? '' : `; the central source is ${by.tool}'s ${by.source}`
}
