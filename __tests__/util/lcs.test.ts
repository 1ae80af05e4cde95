import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { commonSubsequence } from '../../src/util/lcs.js'

/** The length of a longest common subsequence, by the textbook table. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i]![j] =
        a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
  return table[0]![0]!
}

describe('commonSubsequence', () => {
  it('pairs equal items in order, as many as a longest common subsequence has', () => {
    const list = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 })
    fc.assert(
      fc.property(list, list, (a, b) => {
        const pairs = commonSubsequence(a, b)
        expect(pairs.length).toBe(lcsLength(a, b))
        expect(pairs.every(([i, j]) => a[i] === b[j])).toBe(true)
        const ordered = pairs.every(([i, j], k) => {
          const previous = pairs[k - 1]
          return previous === undefined || (i > previous[0] && j > previous[1])
        })
        expect(ordered).toBe(true)
      }),
      { seed: 20261203, numRuns: 500 }
    )
  })

  it('costs a scan for long lists that differ in one place', () => {
    const a = Array.from({ length: 100_000 }, (_, i) => `x${String(i)}`)
    const b = [...a]
    b[50_000] = 'changed'
    const start = performance.now()
    expect(commonSubsequence(a, b)).toHaveLength(99_999)
    expect(performance.now() - start).toBeLessThan(1000)
  })
})
