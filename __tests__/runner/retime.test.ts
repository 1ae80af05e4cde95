import { describe, expect, it } from '@jest/globals'
import type { ServerRun } from '../../src/model/tools.js'
import { retimeAlone } from '../../src/runner/retime.js'

function ok(initializeMs: number): ServerRun {
  return {
    status: 'ok',
    tools: [{ name: 'first-run-tool' }],
    prompts: undefined,
    resources: undefined,
    serverInfo: undefined,
    timings: { startMs: 1, initializeMs, listMs: 1, totalMs: initializeMs + 2 },
    peakRssBytes: undefined
  }
}

const failed: ServerRun = {
  status: 'failed',
  reason: 'timeout',
  detail: 'no answer',
  timings: { startMs: 0, initializeMs: 0, listMs: 0, totalMs: 0 },
  peakRssBytes: undefined
}

describe('retimeAlone', () => {
  const jobs = [
    ['fast', 'fast'],
    ['slow', 'slow'],
    ['broken', 'broken']
  ] as const

  it('starts only the servers over the threshold again, keeps their tools and takes the alone times', async () => {
    const outcomes = new Map<string, { run?: ServerRun }>([
      ['fast', { run: ok(400) }],
      ['slow', { run: ok(7000) }],
      ['broken', { run: failed }]
    ])
    const started: string[] = []
    await retimeAlone(jobs, outcomes, 5000, Infinity, (key) => {
      started.push(key)
      return Promise.resolve({ run: { ...ok(2100), tools: [] } })
    })
    expect(started).toEqual(['slow'])
    const slow = outcomes.get('slow')?.run
    expect(slow?.status === 'ok' && slow.tools).toEqual([{ name: 'first-run-tool' }])
    expect(slow?.timings).toMatchObject({ initializeMs: 2100, alone: true })
    expect(outcomes.get('fast')?.run?.timings.alone).toBeUndefined()
  })

  it('marks the first times as not alone when the second start fails or the run is out of time', async () => {
    const outcomes = new Map<string, { run?: ServerRun }>([['slow', { run: ok(7000) }]])
    await retimeAlone([['slow', 'slow']], outcomes, 5000, Infinity, () =>
      Promise.resolve({ run: failed })
    )
    expect(outcomes.get('slow')?.run?.timings).toMatchObject({ initializeMs: 7000, alone: false })

    const late = new Map<string, { run?: ServerRun }>([['slow', { run: ok(7000) }]])
    let called = false
    await retimeAlone([['slow', 'slow']], late, 5000, 0, () => {
      called = true
      return Promise.resolve({ run: ok(1) })
    })
    expect(called).toBe(false)
    expect(late.get('slow')?.run?.timings.alone).toBe(false)
  })
})
