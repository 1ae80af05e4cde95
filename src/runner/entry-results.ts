import type { Enumeration, EntryResult, ServerRun } from '../model/tools.js'
import { keyOf, type Planned } from './planned-launches.js'
import type { PrefetchResult } from './prefetch.js'

export interface Outcome {
  readonly run?: ServerRun
  readonly prefetch?: PrefetchResult
  readonly skipped?: { readonly reason: 'not-allowed' | 'run-timeout'; readonly detail: string }
}

/** Every entry with its status: skipped as planned, refused as a whole, or with its run's outcome. */
export function finish(
  started: number,
  sandbox: Enumeration['sandbox'],
  planned: readonly Planned[],
  outcomes: ReadonlyMap<string, Outcome>,
  stdioBlocked: { reason: 'sandbox-unavailable' | 'refused-event'; detail: string } | undefined,
  refused: string | undefined
): Enumeration {
  const entries: EntryResult[] = planned.map(({ file, name, decision }) => {
    if ('skip' in decision)
      return {
        file,
        name,
        status: 'skipped',
        reason: decision.skip,
        detail: decision.detail,
        placeholders: []
      }
    const key = keyOf(decision) ?? ''
    const request = 'launch' in decision ? decision.launch : undefined
    const base = {
      file,
      name,
      launchKey: key,
      placeholders: request?.placeholders ?? [],
      ...(request === undefined ? {} : { launch: request.recorded })
    }
    const blocked =
      request !== undefined || stdioBlocked?.reason === 'refused-event' ? stdioBlocked : undefined
    if (blocked !== undefined && !outcomes.has(key))
      return { ...base, status: 'skipped', reason: blocked.reason, detail: blocked.detail }
    const outcome = outcomes.get(key)
    const pkg =
      request?.packageSpec === undefined || request.packageName === undefined
        ? {}
        : {
            package: {
              spec: request.packageSpec,
              name: request.packageName,
              version: outcome?.prefetch?.ok === true ? outcome.prefetch.version : undefined
            }
          }
    if (outcome?.skipped !== undefined)
      return {
        ...base,
        ...pkg,
        status: 'skipped',
        reason: outcome.skipped.reason,
        detail: outcome.skipped.detail
      }
    const run = outcome?.run
    if (run === undefined)
      return { ...base, ...pkg, status: 'skipped', reason: 'run-timeout', detail: 'not started' }
    return run.status === 'ok'
      ? { ...base, ...pkg, status: 'ok', run }
      : { ...base, ...pkg, status: 'failed', reason: run.reason, detail: run.detail, run }
  })
  return {
    sandbox,
    ...(refused === undefined ? {} : { refused }),
    entries,
    durationMs: Math.round(performance.now() - started)
  }
}
