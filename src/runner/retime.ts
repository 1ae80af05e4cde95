import type { ServerRun } from '../model/tools.js'

interface Retimable {
  readonly run?: ServerRun
}

/**
 * Start again, one at a time, the servers whose first `initialize` was slower than `aboveMs` while
 * others started beside them, and keep the alone times. On a 2-core runner four servers starting
 * at once can double each other's start, which would make a slow-start finding mcp-lint's own doing.
 * The tools stay those of the first run; only its timings are replaced, and only by a run that
 * succeeded too; when it fails or the run's deadline is past, the first times stay, marked not alone.
 */
export async function retimeAlone<Key, Job, O extends Retimable>(
  jobs: readonly (readonly [Key, Job])[],
  outcomes: Map<Key, O>,
  aboveMs: number,
  deadline: number,
  rerun: (key: Key, job: Job) => Promise<O>
): Promise<void> {
  for (const [key, job] of jobs) {
    const outcome = outcomes.get(key)
    const first = outcome?.run
    if (outcome === undefined || first?.status !== 'ok' || first.timings.initializeMs <= aboveMs)
      continue
    const again = performance.now() > deadline ? undefined : (await rerun(key, job)).run
    const timings =
      again?.status === 'ok'
        ? { ...again.timings, alone: true }
        : { ...first.timings, alone: false }
    outcomes.set(key, { ...outcome, run: { ...first, timings } })
  }
}
