import { escapeText } from '../util/quote.js'
import type { SettingsChange } from '../trust/settings-change.js'
import { defineRule } from './rule.js'

const verbs = { added: 'adds', removed: 'removes', changed: 'changes' } as const

/** `changes rules.server-secret, adds ignores and 2 more`. */
function describeChanges(changes: readonly SettingsChange[], max = 4): string {
  const shown = changes.slice(0, max).map((change) => {
    const path = change.path
      .map((key) => (/^[A-Za-z0-9_$-]+$/.test(key) ? key : `"${escapeText(key, 40, true)}"`))
      .join('.')
    return `${verbs[change.kind]} ${path === '' ? 'the settings' : path}`
  })
  const rest = changes.length - shown.length
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ')
}

const afterMerge =
  "pull requests are checked with the base branch's mcp-lint.json, so this takes effect after merge"

export default defineRule({
  id: 'settings-changed',
  phase: 'workspace',
  severity: 'warning',
  docs: {
    description: "Require a pull request's changes to mcp-lint.json to be merged before they apply",
    rationale:
      'A pull request is written by whoever opened it, so on `pull_request`, `pull_request_target` and ' +
      '`merge_group` runs the Action reads mcp-lint.json from the **base commit**, never from the branch: ' +
      'otherwise a PR that leaks a token could also turn `server-secret` off, ignore its own findings with ' +
      '`"files": ["**"]` or raise a tool limit, and get a green build. The branch\'s own file is compared with ' +
      "the base's and each change is named here, so its author knows why it has no effect yet; a branch file " +
      'that would stop every run once merged (invalid JSON, an unknown rule) is reported at its position. ' +
      'The CLI does the same with `--base REF`.',
    examples: {
      invalid: [
        {
          path: 'mcp-lint.json',
          text: '{\n  "rules": { "server-secret": "off" },\n  "ignores": [{ "files": ["**"], "reason": "noise" }]\n}\n',
          baseSettings: '{\n  "rules": { "server-secret": "error" }\n}\n'
        }
      ],
      valid: [
        {
          path: 'mcp-lint.json',
          text: '{\n  "rules": { "server-secret": "error" }\n}\n',
          baseSettings: '{ "rules": { "server-secret": "error" } }\n'
        }
      ]
    }
  },
  messages: {
    changed: (d: { file: string; changes: string }) =>
      `this branch's ${d.file} ${d.changes}; ${afterMerge}`,
    added: (d: { file: string }) =>
      `this branch adds ${d.file}; the base branch has none, so pull requests are checked with the defaults until it is merged`,
    removed: (d: { file: string }) =>
      `this branch removes ${d.file}; the base branch's settings apply until it is merged`,
    invalid: (d: { file: string; problem: string }) =>
      `this branch's ${d.file} would stop every run once merged (exit 2): ${d.problem}; the base branch's settings apply until then`
  },
  check({ workspace, report }) {
    const pending = workspace.pendingSettings
    if (pending === undefined) return
    const file = escapeText(pending.file, 120)
    if (pending.state === 'changed')
      report('changed', pending.location, { file, changes: describeChanges(pending.changes) })
    else if (pending.state === 'invalid')
      report('invalid', pending.location, { file, problem: pending.problem ?? 'it is not valid' })
    else report(pending.state, pending.location, { file })
  }
})
