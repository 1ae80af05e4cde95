import { describe, expect, it } from '@jest/globals'
import { lintText } from '../src/lint.js'
import { rules } from '../src/rules/index.js'

// No parser or validator is loaded beforehand in this file: lintText loads its client's own.
describe('lintText', () => {
  it('lints a JSON client file, schema included, with nothing loaded beforehand', async () => {
    const findings = await lintText(
      '.mcp.json',
      '{ "mcpServers": { "a": { "command": 1 } } }',
      rules
    )
    expect(findings.map((finding) => finding.ruleId)).toContain('config-schema')
  })

  it('lints a YAML client file, loading the YAML parser', async () => {
    const findings = await lintText(
      '.continue/mcpServers/a.yaml',
      'name: a\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: a\n    command: npx\n    args: ["-y", "some-mcp"]\n',
      rules
    )
    expect(findings.map((finding) => `${finding.ruleId} ${finding.range.start.line}`)).toContain(
      'server-unpinned 7'
    )
  })
})
