import { createHash } from 'node:crypto'
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { plural } from '../util/plural.js'
import type { ServerRun } from '../model/tools.js'
import { loadClient } from './client-loader.js'
import type { Outcome } from './entry-results.js'
import type { LaunchRequest } from './launch.js'
import type { EnumerationLimits } from './limits.js'
import type { EnumerationOptions } from './options.js'
import { prefetchNpm, type PrefetchResult } from './prefetch.js'
import type { Sandbox } from './sandbox.js'
import { sanitize } from './text.js'

/**
 * Where npm packages go. Fetched into `root`, one directory per launch; a kept cache (`runCopies`
 * set) is only ever written by npm, and each run's server starts on a copy of it, so nothing a
 * server writes there survives into a later run.
 */
export interface Caches {
  readonly root: string
  readonly runCopies: string | undefined
}

export async function runStdio(
  request: LaunchRequest,
  sandbox: Sandbox,
  caches: Caches,
  options: EnumerationOptions,
  limits: EnumerationLimits,
  label: string,
  progress: (line: string) => void
): Promise<Outcome> {
  // A cache per launch: what one server writes there (npx -c can install and run anything) is
  // never run by another launch, even of the same package. Launches are unique by key, so each
  // cache is fetched into once.
  const id = createHash('sha256').update(request.key).digest('hex').slice(0, 16)
  const cache = join(caches.root, id)
  mkdirSync(cache, { recursive: true, mode: 0o700 })
  let prefetch: PrefetchResult | undefined
  if (request.packageSpec !== undefined && request.packageName !== undefined) {
    progress(`fetching ${sanitize(request.packageSpec, 100)} for ${label}`)
    prefetch = await prefetchNpm(
      request.packageSpec,
      request.packageName,
      cache,
      options.prefetchTimeoutMs
    )
    if (!prefetch.ok) {
      progress(`${label}: failed (${prefetch.detail})`)
      const timings = { startMs: 0, initializeMs: 0, listMs: 0, totalMs: 0 }
      return {
        run: {
          status: 'failed',
          reason: 'command-not-found',
          detail: prefetch.detail,
          timings,
          peakRssBytes: undefined
        },
        prefetch
      }
    }
  }
  progress(`starting ${label}`)
  const { enumerateServer } = await loadClient()
  const work =
    caches.runCopies === undefined ? cache : mkdtempSync(join(caches.runCopies, `${id}-`))
  try {
    if (work !== cache) cpSync(cache, work, { recursive: true, verbatimSymlinks: true })
    const run = await enumerateServer(sandbox.command(request, work), limits)
    report(progress, label, run)
    return prefetch === undefined ? { run } : { run, prefetch }
  } finally {
    if (work !== cache) rmSync(work, { recursive: true, force: true })
  }
}

export function report(progress: (line: string) => void, label: string, run: ServerRun): void {
  progress(
    run.status === 'ok'
      ? `${label}: ${plural(run.tools.length, 'tool')} in ${(run.timings.totalMs / 1000).toFixed(1)} s`
      : `${label}: failed, ${run.reason} (${run.detail})`
  )
}
