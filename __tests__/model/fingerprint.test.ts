import { describe, expect, it } from '@jest/globals'
import { applyBaseline, buildBaseline } from '../../src/baseline/baseline.js'
import type { Diagnostic } from '../../src/model/diagnostic.js'
import { fingerprintDiagnostics } from '../../src/model/fingerprint.js'

function finding(line: number, message: string, ruleId = 'server-slow-start'): Diagnostic {
  return {
    ruleId,
    messageId: 'slow',
    message,
    severity: 'warning',
    file: '.mcp.json',
    range: { start: { line, column: 5 }, end: { line, column: 9 } },
    server: 'a'
  }
}

describe('fingerprints', () => {
  it('leave out lines, timings, counts and what follows the quoted names', () => {
    const [before] = fingerprintDiagnostics([finding(3, 'server "a" took 6.2 s to answer')])
    const [after] = fingerprintDiagnostics([
      finding(30, 'server "a" took 7.9 s to answer (the same in .vscode/mcp.json)')
    ])
    expect(after).toBe(before)
    const [other] = fingerprintDiagnostics([finding(3, 'server "b" took 6.2 s to answer')])
    expect(other).not.toBe(before)
  })

  it('tell duplicates apart, the same in any order', () => {
    const a = finding(3, 'server "a" took 6.2 s')
    const b = finding(9, 'server "a" took 6.2 s')
    const forward = fingerprintDiagnostics([a, b])
    expect(new Set(forward).size).toBe(2)
    expect(fingerprintDiagnostics([b, a])).toEqual([forward[1], forward[0]])
  })
})

describe('the baseline', () => {
  it('accepts each recorded finding once: a new duplicate is new', () => {
    const a = finding(3, 'server "a" took 6.2 s')
    const b = finding(9, 'server "a" took 6.2 s')
    const { fresh, known } = applyBaseline([a, b], buildBaseline([a]))
    expect(known).toEqual([a])
    expect(fresh).toEqual([b])
  })

  it('never accepts a leaked secret, even written in by hand', () => {
    const secret = finding(
      3,
      'a GitHub token in env.TOKEN of server "a": ghp_… (40 chars)',
      'server-secret'
    )
    const { fresh, known } = applyBaseline([secret], buildBaseline([secret]))
    expect(known).toEqual([])
    expect(fresh).toEqual([secret])
  })
})
