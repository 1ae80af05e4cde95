import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { plural } from '../util/plural.js'
import type { ServerRun } from '../model/tools.js'
import { loadClient } from './client-loader.js'
import type { Outcome } from './entry-results.js'
import type { LaunchRequest } from './launch.js'
import type { EnumerationLimits } from './limits.js'
import { directView, viewNpmCache, type NpmCacheView } from './npm-cache.js'
import type { TreeFetch } from './npm-trees.js'
import { npxShape, packageBin } from './npx-bin.js'
import type { EnumerationOptions } from './options.js'
import { fetchedBefore, prefetchNpm, type PrefetchResult } from './prefetch.js'
import type { Sandbox } from './sandbox.js'
import { sanitize } from './text.js'

/**
 * Where npm packages go, under `root`: the install trees of `npx -y pkg` launches, and a
 * directory per other launch. Only npm writes them; a launch that runs npm in the sandbox gets a
 * writable copy of what npm needs, made under `scratch` and removed with it.
 */
export interface Caches {
  readonly root: string
  readonly scratch: string
}

/** How one stdio server starts: where, within what limits, and what to say. */
export interface StdioRun {
  readonly sandbox: Sandbox
  readonly caches: Caches
  readonly options: EnumerationOptions
  readonly limits: EnumerationLimits
  readonly label: string
  readonly progress: (line: string) => void
}

export async function runStdio(
  request: LaunchRequest,
  context: StdioRun,
  /** The install tree of an `npx -y pkg` launch, fetched with the others (fetchTrees). */
  tree: TreeFetch | undefined
): Promise<Outcome> {
  const { label, progress } = context
  const prepared = await prepare(request, context, tree)
  if ('failed' in prepared) {
    progress(`${label}: failed (${prepared.failed.detail})`)
    const timings = { startMs: 0, initializeMs: 0, listMs: 0, totalMs: 0 }
    return {
      run: {
        status: 'failed',
        reason: 'command-not-found',
        detail: prepared.failed.detail,
        timings,
        peakRssBytes: undefined
      },
      prefetch: prepared.failed
    }
  }
  const { view, prefetch } = prepared
  progress(`starting ${label}`)
  const { enumerateServer } = await loadClient()
  try {
    const run = await enumerateServer(context.sandbox.command(request, view), context.limits)
    report(progress, label, run)
    return prefetch === undefined ? { run } : { run, prefetch }
  } finally {
    if (view.writable !== undefined) await rm(view.writable, { recursive: true, force: true })
  }
}

type Prepared =
  | { readonly view: NpmCacheView; readonly prefetch: PrefetchResult | undefined }
  | { readonly failed: PrefetchResult & { readonly ok: false } }

/** The cache view a launch starts with, fetching what it needs first. */
async function prepare(
  request: LaunchRequest,
  context: StdioRun,
  tree: TreeFetch | undefined
): Promise<Prepared> {
  const { caches, label, progress } = context
  const args = npxShape(request)
  if (tree !== undefined && args !== undefined && request.packageName !== undefined) {
    if (!tree.ok) return { failed: tree }
    const found = packageBin(tree.tree, request.packageName)
    // A bin npx would have found but this reading of the manifest did not: npx picks it in the sandbox.
    if (found !== undefined) {
      if (tree.fetchedBefore)
        progress(
          `${sanitize(request.packageSpec ?? '', 100)} for ${label}: fetched by an earlier run`
        )
      const view = directView(caches.root, relative(caches.root, tree.tree), found.bin, args)
      return { view, prefetch: { ok: true, version: found.version } }
    }
  }
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
        context.options.prefetchTimeoutMs
      )
    }
    if (!prefetch.ok) return { failed: prefetch }
  }
  return { view: await viewNpmCache(cache, caches.scratch), prefetch }
}

export function report(progress: (line: string) => void, label: string, run: ServerRun): void {
  progress(
    run.status === 'ok'
      ? `${label}: ${plural(run.tools.length, 'tool')} in ${(run.timings.totalMs / 1000).toFixed(1)} s`
      : `${label}: failed, ${run.reason} (${run.detail})`
  )
}
