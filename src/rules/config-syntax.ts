import type { Location } from '../model/location.js'
import type { Allowance } from '../platforms/platform.js'
import { defineRule } from './rule.js'

export default defineRule({
  id: 'config-syntax',
  phase: 'file',
  severity: 'error',
  docs: {
    description: 'Require every config file to parse in the dialect its platform reads',
    rationale:
      'A platform that cannot parse its config file starts none of its servers, usually with no visible error. ' +
      'JSONC is accepted only where the platform accepts it: VS Code and Zed allow comments and trailing commas, ' +
      'Gemini CLI allows comments but not trailing commas, and Claude Code, Cursor and Antigravity read strict JSON. ' +
      'Messages never quote the file, since a config can hold a secret. ' +
      'Nesting deeper than 64 levels, a TOML key of more than 64 parts and a TOML string longer than 65,536 characters are ' +
      'reported instead of read: no MCP config needs them, and a hostile file would use them to exhaust the stack.',
    examples: {
      invalid: [
        {
          path: '.cursor/mcp.json',
          text: '{\n  "mcpServers": {\n    "memory": { "command": "npx", }\n  }\n}\n'
        },
        {
          path: '.gemini/settings.json',
          text: '{\n  // comments are fine here\n  "mcpServers": {},\n}\n'
        }
      ],
      valid: [
        {
          path: '.vscode/mcp.json',
          text: '{\n  // VS Code reads JSONC\n  "servers": {\n    "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"], },\n  },\n}\n'
        }
      ]
    }
  },
  messages: {
    syntax: (d: { format: string; detail: string }) => `invalid ${d.format}: ${d.detail}`,
    tooDeep: (d: { detail: string }) =>
      `${d.detail}; this is not a config an MCP client would read`,
    tooLong: (d: { detail: string }) =>
      `${d.detail}: more than mcp-lint reads in a TOML file, so the file was not checked`,
    empty: (d: { platform: string }) =>
      `the file is empty: ${d.platform} expects a JSON object here`,
    comment: (d: { platform: string; consequence?: string }) =>
      `${d.platform} reads this file as strict JSON${d.consequence === undefined ? '' : ` (${d.consequence})`}: remove the comment`,
    byteOrderMark: (d: { platform: string; consequence?: string }) =>
      `the file starts with a byte order mark, which ${d.platform} does not accept${d.consequence === undefined ? '' : ` (${d.consequence})`}: save it as UTF-8 without a BOM`,
    trailingComma: (d: { platform: string; consequence?: string }) =>
      `${d.platform} does not accept trailing commas${d.consequence === undefined ? '' : ` (${d.consequence})`}: remove it`
  },
  check({ file, report }) {
    const platform = file.platform.displayName
    for (const problem of file.syntaxProblems) {
      if (problem.kind === 'syntax')
        report('syntax', problem.location, {
          format: file.platform.format.toUpperCase(),
          detail: problem.detail
        })
      else if (problem.kind === 'too-deep')
        report('tooDeep', problem.location, { detail: problem.detail })
      else if (problem.kind === 'too-long')
        report('tooLong', problem.location, { detail: problem.detail })
      else report('empty', problem.location, { platform })
    }
    const reportAll = (
      locations: readonly Location[],
      allowance: Allowance | undefined,
      id: 'comment' | 'trailingComma' | 'byteOrderMark'
    ) => {
      if (allowance === undefined || allowance === 'allowed') return
      const data =
        allowance.consequence === undefined
          ? { platform }
          : { platform, consequence: allowance.consequence }
      for (const location of locations)
        report(id, location, data, { unconfirmed: allowance.forbidden === 'unconfirmed' })
    }
    reportAll(file.comments, file.platform.jsonc?.comments, 'comment')
    reportAll(file.trailingCommas, file.platform.jsonc?.trailingCommas, 'trailingComma')
    if (file.byteOrderMark && file.source !== undefined)
      reportAll([file.source.locate(0, 0)], file.platform.byteOrderMark, 'byteOrderMark')
  }
})
