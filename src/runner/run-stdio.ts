import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { plural } from '../util/plural.js'
import type { ServerRun } from '../model/tools.js'
import { loadClient } from './client-loader.js'
import type { Outcome } from './entry-results.js'
import type { LaunchRequest } from './launch.js'
import type { EnumerationLimits } from './limits.js'
import { viewNpmCache } from './npm-cache.js'
import type { EnumerationOptions } from './options.js'
import { fetchedBefore, prefetchNpm, type PrefetchResult } from './prefetch.js'
import type { Sandbox } from './sandbox.js'
import { sanitize } from './text.js'

/**
 * Where npm packages go. Fetched into `root`, one directory per launch, which only npm ever writes;
 * each launch sees it through a view whose writable part is made under `scratch` and removed with it.
 */
export interface Caches {
  readonly root: string
  readonly scratch: string
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
  // A cache per launch: what npm fetches for one (npx -c can install and run anything) is never
  // run by another launch, even of the same package. Launches are unique by key, so each cache is
  // fetched into once.
  const id = createHash('sha256').update(request.key).digest('hex').slice(0, 16)
  const cache = join(caches.root, id)
  mkdirSync(cache, { recursive: true, mode: 0o700 })
  let prefetch: PrefetchResult | undefined
  if (request.packageSpec !== undefined && request.packageName !== undefined) {
    const spec = sanitize(request.packageSpec, 100)
    prefetch = fetchedBefore(request.packageSpec, request.packageName, cache)
    if (prefetch !== undefined) progress(`${spec} for ${label}: fetched by an earlier run`)
    else {
      progress(`fetching ${spec} for ${label}`)
      prefetch = await prefetchNpm(
        request.packageSpec,
        request.packageName,
        cache,
        options.prefetchTimeoutMs
      )
    }
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
  const view = await viewNpmCache(request, cache, caches.scratch)
  try {
    const run = await enumerateServer(sandbox.command(request, view), limits)
    report(progress, label, run)
    return prefetch === undefined ? { run } : { run, prefetch }
  } finally {
    if (view.writable !== undefined) await rm(view.writable, { recursive: true, force: true })
  }
}

export function report(progress: (line: string) => void, label: string, run: ServerRun): void {
  progress(
    run.status === 'ok'
      ? `${label}: ${plural(run.tools.length, 'tool')} in ${(run.timings.totalMs / 1000).toFixed(1)} s`
      : `${label}: failed, ${run.reason} (${run.detail})`
  )
}
