import { describe, expect, it } from '@jest/globals'
import { lint } from '../../src/lint.js'
import { formatSummary, SUMMARY_LIMIT_BYTES } from '../../src/reporters/summary.js'
import { finding, withFindings } from '../helpers/findings.js'

const demo = await lint({ root: 'fixtures/demo' })

describe('job summary at scale', () => {
  it("stays under GitHub's 1 MiB with 100,000 findings, and says how many it cut", () => {
    const many = withFindings(
      demo,
      Array.from({ length: 100_000 }, (_, index) =>
        finding(index, 'error', `${'x'.repeat(60)} ${index}`)
      )
    )
    const summary = formatSummary(many)
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    const cut = /(\d+) more findings not shown/.exec(summary)
    const shown = summary.split('\n').filter((line) => line.startsWith('| 🔴')).length
    expect(Number(cut?.[1]) + shown).toBe(100_000)
  })
})
