import type { Diagnostic } from '../model/diagnostic.js'
import type { LintResult } from '../lint.js'
import { formatJson, type ReportContext } from '../reporters/json.js'
import { formatSarif } from '../reporters/sarif.js'
import { UsageError } from '../util/errors.js'
import { prepareWriteTarget } from '../util/write-file.js'
import type { ActionIO } from './action-io.js'
import type { ActionInputs } from './inputs.js'

/** Rules whose findings mean the servers or configs moved away from what was committed. */
const DRIFT_RULES = new Set(['source-drift', 'tool-surface-drift'])

export function holdsDrift(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => DRIFT_RULES.has(d.ruleId))
}

/** A report path that cannot be written fails the step at once, not after the servers ran. */
export async function prepareReportFiles(inputs: ActionInputs): Promise<void> {
  const targets = [
    ['sarif-file', inputs.sarifFile],
    ['json-file', inputs.jsonFile]
  ] as const
  for (const [input, path] of targets) {
    if (path === undefined) continue
    try {
      await prepareWriteTarget(path)
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error)
      throw new UsageError(`input ${input}: ${path} cannot be written (${why})`)
    }
  }
}

export async function writeReports(
  io: ActionIO,
  inputs: ActionInputs,
  result: LintResult,
  context: ReportContext
): Promise<void> {
  if (inputs.sarifFile !== undefined) await io.writeFile(inputs.sarifFile, formatSarif(result))
  if (inputs.jsonFile !== undefined)
    await io.writeFile(inputs.jsonFile, formatJson(result, context))
}

export async function writeSummary(io: ActionIO, markdown: string): Promise<void> {
  try {
    await io.writeSummary(markdown)
  } catch (error) {
    io.warning(
      `could not write the job summary (${error instanceof Error ? error.message.slice(0, 120) : 'error'})`
    )
  }
}

export function setOutputs(
  io: ActionIO,
  inputs: ActionInputs,
  result: LintResult,
  drift: boolean,
  commentUrl: string | undefined
): void {
  io.setOutput('errors', result.summary.errors)
  io.setOutput('warnings', result.summary.warnings)
  io.setOutput('notices', result.summary.notices)
  io.setOutput('servers', result.servers.length)
  // Tools of each distinct server once, however many files configure it.
  const seen = new Set<string>()
  let tools = 0
  for (const server of result.servers)
    if (server.tools !== undefined && !seen.has(server.name)) {
      seen.add(server.name)
      tools += server.tools.length
    }
  io.setOutput('tools', tools)
  io.setOutput('drift', drift ? 'true' : 'false')
  io.setOutput('sarif-file', inputs.mode === 'report' ? '' : (inputs.sarifFile ?? ''))
  io.setOutput('json-file', inputs.jsonFile ?? '')
  io.setOutput('comment-url', commentUrl ?? '')
}
