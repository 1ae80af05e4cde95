import { formatSummary } from '../reporters/summary.js'
import type { ActionIO } from './action-io.js'
import { syncDriftIssue } from './drift-issue.js'
import { concludeRun } from './exit-status.js'
import type { ActionInputs } from './inputs.js'
import { lintCheckout } from './lint-checkout.js'

const DRIFT_FOUND = 'mcp-lint: drift found'

/** `mode: drift` on a schedule: the check, headed by whether anything drifted, and its issue. */
export async function runDrift(io: ActionIO, inputs: ActionInputs): Promise<void> {
  const { result, api, drift, failing } = await lintCheckout(io, inputs, (found) =>
    found ? DRIFT_FOUND : 'mcp-lint: no drift'
  )
  if (inputs.driftIssue) {
    if (api === undefined) io.warning('drift-issue needs github-token; no issue was opened')
    else
      try {
        const url = await syncDriftIssue(
          api,
          inputs.path,
          drift,
          // An issue body holds at most 65,536 characters.
          formatSummary(result, { title: DRIFT_FOUND, limitBytes: 60_000 })
        )
        if (url !== undefined) io.info(`drift issue: ${url}`)
      } catch (error) {
        io.warning(
          `could not open or update the drift issue (${error instanceof Error ? error.message.slice(0, 200) : 'error'}); the job needs "issues: write"`
        )
      }
  }
  concludeRun(io, inputs, result, { drift, commentUrl: undefined, failing, judgesEmpty: true })
}
