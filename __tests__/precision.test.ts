import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { audit, corpusFindings, formatAudit, readLabels } from './helpers/precision.js'

/**
 * The precision audit (fixtures/precision/labels.tsv): every finding on the vendored real-world
 * corpus is labelled as its maintainer would take it. A new or moved finding fails here until it
 * is labelled, and the README's table is the one measured.
 */
describe('precision on the labelled real-world findings', () => {
  it('has every finding labelled, each rule at 95% or better and all rules at 97% or better', async () => {
    const result = audit(await corpusFindings(), readLabels())
    expect(result.unlabelled.map((finding) => finding.key)).toEqual([])
    expect(result.stale).toEqual([])
    for (const rule of result.rules)
      expect([rule.rule, rule.precision >= 0.95]).toEqual([rule.rule, true])
    expect(result.total.precision).toBeGreaterThanOrEqual(0.97)

    const readme = readFileSync('README.md', 'utf8')
    const table = /<!-- precision:start -->([\s\S]*?)<!-- precision:end -->/
      .exec(readme)?.[1]
      ?.trim()
    // Prettier pads the README's table; the cells are what must agree.
    const cells = (text: string | undefined) =>
      (text ?? '').split('\n').map((row) =>
        row
          .split('|')
          .map((cell) => cell.trim().replace(/-+/, '-'))
          .join('|')
      )
    expect(cells(table)).toEqual(cells(formatAudit(result)))
  }, 60_000)

  it('refuses a label without a verdict or a reason, and one given twice', () => {
    const header = 'repository\tfile\tline\tcolumn\trule\tverdict\treason'
    expect(() => readLabels(`${header}\nr\t.mcp.json\t1\t1\tconfig-syntax\tmaybe\twhy`)).toThrow(
      /needs a verdict/
    )
    expect(() => readLabels(`${header}\nr\t.mcp.json\t1\t1\tconfig-syntax\taccept\t `)).toThrow(
      /needs a verdict/
    )
    const row = 'r\t.mcp.json\t1\t1\tconfig-syntax\taccept\tbroken'
    expect(() => readLabels(`${header}\n${row}\n${row}`)).toThrow(/labelled twice/)
  })
})
