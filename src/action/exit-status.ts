import { severityRank } from '../model/diagnostic.js'
import type { LintResult } from '../lint.js'
import { summaryLine } from '../reporters/text.js'
import { plural } from '../util/plural.js'
import type { ActionIO } from './action-io.js'
import type { ActionInputs, FailOn } from './inputs.js'
import { setOutputs } from './outputs.js'

/** What a mode found beyond the lint result, for the outputs and the exit status. */
export interface Outcome {
  readonly drift: boolean
  readonly commentUrl: string | undefined
  /** Findings at or above `fail-on`, from countFailures. */
  readonly failing: number
  /** A report's empty path was the checking run's to warn of, not this run's. */
  readonly judgesEmpty: boolean
}

export function countFailures(result: LintResult, failOn: FailOn): number {
  if (failOn === 'never') return 0
  const threshold = severityRank[failOn]
  return result.diagnostics.filter((d) => severityRank[d.severity] >= threshold).length
}

/** The end of every mode: outputs, the log's summary line, and the step failed when it should. */
export function concludeRun(
  io: ActionIO,
  inputs: ActionInputs,
  result: LintResult,
  outcome: Outcome
): void {
  setOutputs(io, inputs, result, outcome.drift, outcome.commentUrl)
  io.info(summaryLine(result))
  const empty = outcome.judgesEmpty && result.files.length === 0
  if (empty)
    io.warning(
      `no MCP config found in ${inputs.path}: nothing was checked${inputs.errorOnEmpty ? '' : ' (error-on-empty: true makes this fail)'}`
    )
  if (outcome.failing > 0)
    io.setFailed(
      `mcp-lint found ${plural(outcome.failing, 'finding')} at or above "${inputs.failOn}"`
    )
  else if (empty && inputs.errorOnEmpty)
    io.setFailed(`no MCP config found in ${inputs.path} (error-on-empty: true)`)
}
