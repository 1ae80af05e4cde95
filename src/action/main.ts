import { UsageError } from '../util/errors.js'
import type { ActionIO } from './action-io.js'
import { runCheck } from './check.js'
import { runDrift } from './drift.js'
import { readInputs } from './inputs.js'
import { runReport } from './report.js'

// What run takes, importable from where run is: the tests drive it with fakes.
export { OUTPUT_NAMES, type ActionIO, type RunContext } from './action-io.js'

export async function run(io: ActionIO): Promise<void> {
  try {
    const inputs = readInputs(io.getInput)
    if (inputs.mode === 'report') await runReport(io, inputs)
    else if (inputs.mode === 'drift') await runDrift(io, inputs)
    else await runCheck(io, inputs)
  } catch (error) {
    const prefix = error instanceof UsageError ? '' : 'internal error: '
    io.setFailed(`mcp-lint ${prefix}${error instanceof Error ? error.message : String(error)}`)
  }
}
