import { describe, expect, it } from '@jest/globals'
import { parseJson } from '../../src/parse/json.js'
import { SourceText } from '../../src/model/location.js'
import { findProperty } from '../../src/model/tree.js'

const parse = (text: string) => parseJson(new SourceText('f.json', text))

describe('parseJson at scale', () => {
  // Measured as a ratio of CPU times (best of three), not wall time against a bound: other work on
  // a loaded CI machine slows both sizes alike. Quadratic parsing would make the ratio about 100.
  it('parses 50,000 servers in linear time', () => {
    const text = (count: number) =>
      `{ "mcpServers": { ${Array.from({ length: count }, (_, index) => `"s${index}": { "command": "x" }`).join(',')} } }`
    const cost = (input: string) => {
      let best = Infinity
      for (let run = 0; run < 3; run++) {
        const before = process.cpuUsage()
        parse(input)
        const used = process.cpuUsage(before)
        best = Math.min(best, used.user + used.system)
      }
      return best
    }
    const small = text(5_000)
    const large = text(50_000)
    expect(cost(large) / cost(small)).toBeLessThan(30)
    const { root } = parse(large)
    expect(root?.kind === 'object' && findProperty(root, 'mcpServers')?.value.kind).toBe('object')
  })
})
