import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Workspace } from '../core/model.js'
import type { Enumeration, EntryResult, ServerRun } from '../core/tools.js'
import { defaultLimits, enumerateServer, type EnumerationLimits } from './enumerate.js'
import { planLaunch, type LaunchRequest } from './launch.js'
import { mapPool } from './pool.js'
import { prefetchNpm, type PrefetchResult } from './prefetch.js'
import { prepareSandbox, type SandboxMode } from './sandbox.js'
import { sanitize } from './text.js'

export type { SandboxMode } from './sandbox.js'
export { defaultLimits, type EnumerationLimits } from './enumerate.js'

export interface EnumerationOptions {
  readonly sandbox: SandboxMode
  readonly concurrency: number
  readonly limits: EnumerationLimits
  /** Per server name: its own limits (`mcp-lint.json` enumeration.servers). */
  readonly serverLimits?: Readonly<Record<string, Partial<EnumerationLimits>>>
  readonly prefetchTimeoutMs: number
  /** The whole run; servers not started by then are reported, not run. */
  readonly runTimeoutMs: number
  /** Launch even in pull_request_target and workflow_run events, which can hold secrets. */
  readonly allowPrivilegedEvents: boolean
  readonly onProgress?: (line: string) => void
}

export const defaultEnumerationOptions: EnumerationOptions = {
  sandbox: 'auto',
  // Servers mostly wait on I/O: 4 at a time measured fastest on a 2-core runner (feasibility.md §2).
  concurrency: 4,
  limits: defaultLimits,
  prefetchTimeoutMs: 180_000,
  runTimeoutMs: 600_000,
  allowPrivilegedEvents: false
}

const privilegedEvents = new Set(['pull_request_target', 'workflow_run'])

/**
 * Starts every stdio server the workspace configures, in a sandbox, and lists its tools. Identical
 * launches (the same server in several files) run once; npm packages are prefetched with network
 * and then run offline. Never throws for a server: every entry gets a status.
 */
export async function enumerate(
  workspace: Workspace,
  root: string,
  options: EnumerationOptions
): Promise<Enumeration> {
  const started = performance.now()
  const progress = options.onProgress ?? (() => undefined)
  const planned = workspace.files.flatMap((file) =>
    file.servers.map((entry) => ({
      file: file.path,
      name: entry.name.value,
      decision: planLaunch(root, file, entry)
    }))
  )
  const launches = new Map<string, LaunchRequest>()
  for (const { decision } of planned)
    if ('launch' in decision) launches.set(decision.launch.key, decision.launch)
  const skipAll = (
    reason: 'sandbox-unavailable' | 'refused-event',
    detail: string
  ): Enumeration => ({
    sandbox: 'unavailable',
    refused: detail,
    entries: planned.map(({ file, name, decision }) =>
      'launch' in decision
        ? {
            file,
            name,
            status: 'skipped',
            reason,
            detail,
            placeholders: decision.launch.placeholders
          }
        : {
            file,
            name,
            status: 'skipped',
            reason: decision.skip,
            detail: decision.detail,
            placeholders: []
          }
    ),
    durationMs: Math.round(performance.now() - started)
  })

  const event = process.env.GITHUB_EVENT_NAME ?? ''
  if (launches.size > 0 && privilegedEvents.has(event) && !options.allowPrivilegedEvents) {
    return skipAll(
      'refused-event',
      `servers are not launched in ${event} runs, which can hold secrets; lint in a pull_request workflow instead`
    )
  }
  const prepared = launches.size === 0 ? undefined : prepareSandbox(options.sandbox, root)
  if (prepared !== undefined && 'unavailable' in prepared)
    return skipAll('sandbox-unavailable', prepared.unavailable)
  const sandbox = prepared?.sandbox
  if (sandbox !== undefined)
    progress(
      `enumerating ${launches.size} server launch(es), ${options.concurrency} at a time, sandbox: ${sandbox.kind}`
    )

  // MCP_LINT_CACHE_DIR keeps prefetched packages between runs (an actions/cache directory, say);
  // otherwise every run fetches into a fresh directory.
  const cacheRoot =
    process.env.MCP_LINT_CACHE_DIR ??
    mkdtempSync(join(process.env.RUNNER_TEMP ?? tmpdir(), 'mcp-lint-npm-'))
  const deadline = started + options.runTimeoutMs
  const runs = new Map<
    string,
    { run: ServerRun | undefined; prefetch: PrefetchResult | undefined; skipped?: string }
  >()
  const requests = [...launches.values()]
  const prefetches = new Map<string, Promise<PrefetchResult>>()
  await mapPool(requests, options.concurrency, async (request) => {
    const label = sanitize(nameOf(planned, request.key), 80)
    if (sandbox === undefined) return
    if (performance.now() > deadline) {
      runs.set(request.key, {
        run: undefined,
        prefetch: undefined,
        skipped: `the run reached its ${options.runTimeoutMs / 1000} s limit first`
      })
      return
    }
    // A cache per package (per launch for the rest): one server cannot tamper with the packages
    // another one runs, and launches of the same package fetch it once.
    const cacheKey = request.packageSpec ?? request.key
    const cache = join(cacheRoot, createHash('sha256').update(cacheKey).digest('hex').slice(0, 16))
    mkdirSync(cache, { recursive: true })
    let prefetch: PrefetchResult | undefined
    if (request.packageSpec !== undefined && request.packageName !== undefined) {
      const { packageSpec, packageName } = request
      let pending = prefetches.get(packageSpec)
      if (pending === undefined) {
        progress(`fetching ${sanitize(packageSpec, 100)} for ${label}`)
        pending = prefetchNpm(packageSpec, packageName, cache, options.prefetchTimeoutMs)
        prefetches.set(packageSpec, pending)
      }
      prefetch = await pending
      if (!prefetch.ok) {
        progress(`${label}: failed (${prefetch.detail})`)
        runs.set(request.key, {
          run: {
            status: 'failed',
            reason: 'command-not-found',
            detail: prefetch.detail,
            timings: { startMs: 0, initializeMs: 0, listMs: 0, totalMs: 0 },
            peakRssBytes: undefined
          },
          prefetch
        })
        return
      }
    }
    progress(`starting ${label}`)
    const limits = { ...options.limits, ...options.serverLimits?.[nameOf(planned, request.key)] }
    const run = await enumerateServer(sandbox.command(request, cache), limits)
    progress(
      run.status === 'ok'
        ? `${label}: ${run.tools.length} tool(s) in ${(run.timings.totalMs / 1000).toFixed(1)} s`
        : `${label}: failed, ${run.reason} (${run.detail})`
    )
    runs.set(request.key, { run, prefetch })
  })

  const entries: EntryResult[] = planned.map(({ file, name, decision }) => {
    if (!('launch' in decision))
      return {
        file,
        name,
        status: 'skipped',
        reason: decision.skip,
        detail: decision.detail,
        placeholders: []
      }
    const request = decision.launch
    const outcome = runs.get(request.key)
    const base = {
      file,
      name,
      launchKey: request.key,
      launch: { command: request.command, args: request.args },
      placeholders: request.placeholders,
      ...(request.packageSpec === undefined || request.packageName === undefined
        ? {}
        : {
            package: {
              spec: request.packageSpec,
              name: request.packageName,
              version: outcome?.prefetch?.ok === true ? outcome.prefetch.version : undefined
            }
          })
    }
    if (outcome?.run === undefined)
      return {
        ...base,
        status: 'skipped',
        reason: 'run-timeout',
        detail: outcome?.skipped ?? 'not started'
      }
    const run = outcome.run
    return run.status === 'ok'
      ? { ...base, status: 'ok', run }
      : { ...base, status: 'failed', reason: run.reason, detail: run.detail, run }
  })
  return {
    sandbox: sandbox?.kind ?? 'none',
    entries,
    durationMs: Math.round(performance.now() - started)
  }
}

function nameOf(
  planned: readonly { name: string; decision: ReturnType<typeof planLaunch> }[],
  key: string
): string {
  return (
    planned.find(({ decision }) => 'launch' in decision && decision.launch.key === key)?.name ??
    'server'
  )
}
