import { describe, expect, it } from '@jest/globals'
import type { Diagnostic } from '../../src/model/diagnostic.js'
import { lint } from '../../src/lint.js'
import { formatSummary, SUMMARY_LIMIT_BYTES } from '../../src/reporters/summary.js'

const demo = await lint({ root: 'fixtures/demo' })

function finding(index: number): Diagnostic {
  return {
    ruleId: 'config-schema',
    messageId: 'schema',
    message: `${'x'.repeat(60)} ${index}`,
    severity: 'error',
    file: `.mcp.json`,
    range: { start: { line: index + 1, column: 1 }, end: { line: index + 1, column: 5 } }
  }
}

describe('job summary at scale', () => {
  it("stays under GitHub's 1 MiB with 100,000 findings, and says how many it cut", () => {
    const diagnostics = Array.from({ length: 100_000 }, (_, index) => finding(index))
    const many = { ...demo, diagnostics, summary: { errors: 100_000, warnings: 0, notices: 0 } }
    const summary = formatSummary(many)
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    const cut = /(\d+) more findings not shown/.exec(summary)
    const shown = summary.split('\n').filter((line) => line.startsWith('| 🔴')).length
    expect(Number(cut?.[1]) + shown).toBe(100_000)
  })
})
