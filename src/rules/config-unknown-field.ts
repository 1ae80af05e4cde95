import { schemaIssues, serverAtPath } from '../core/schema.js'
import { closest } from '../core/suggest.js'
import { defineRule } from './rule.js'

/** Keys people use as comments in strict JSON; flagging them would only be noise. */
function isCommentKey(key: string): boolean {
  return key.startsWith('_') || key.startsWith('//') || key === '$comment'
}

export default defineRule({
  id: 'config-unknown-field',
  phase: 'file',
  severity: 'warning',
  docs: {
    description: 'Disallow server fields the platform does not read',
    rationale:
      'Platforms ignore fields they do not know, silently: `cwd` in Claude Code, `enabled` and `timeout` in ' +
      'Antigravity, `type` in Codex, `disabled` in Gemini CLI. The setting looks applied and is not, or a typo ' +
      '(`arg` for `args`) drops a value. Keys starting with `_` or `//` are treated as comments and not reported.',
    examples: {
      invalid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "app": { "command": "node", "args": ["server.js"], "cwd": "tools" }\n  }\n}\n'
        }
      ],
      valid: [
        {
          path: '.gemini/settings.json',
          text: '{\n  "mcpServers": {\n    "app": { "command": "node", "args": ["server.js"], "cwd": "tools" }\n  }\n}\n'
        }
      ]
    }
  },
  messages: {
    unknown: (d: { field: string; platform: string; guess: string | undefined }) =>
      `${d.platform} does not read "${d.field}"; it is ignored${d.guess === undefined ? '' : ` (did you mean "${d.guess}"?)`}`,
    ignored: (d: { reason: string }) => d.reason
  },
  check({ file, report }) {
    const platform = file.platform
    for (const issue of schemaIssues(file)) {
      if (
        issue.keyword !== 'additionalProperties' ||
        issue.field === undefined ||
        isCommentKey(issue.field)
      )
        continue
      const at = serverAtPath(file, issue.path)
      const server = at?.server
      const options = {
        unconfirmed: platform.unknownFields === 'unconfirmed',
        ...(server === undefined ? {} : { server })
      }
      const reason = at?.rest.length === 0 ? platform.ignoredFields[issue.field] : undefined
      if (reason !== undefined) report('ignored', issue.location, { reason }, options)
      else {
        const guess = closest(issue.field, issue.expected)
        report(
          'unknown',
          issue.location,
          { field: issue.field, platform: platform.displayName, guess },
          options
        )
      }
    }
  }
})
