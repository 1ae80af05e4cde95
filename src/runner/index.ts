import { createHash } from 'node:crypto'
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { allFiles, type Workspace } from '../model/workspace.js'
import { plural } from '../util/plural.js'
import type { Enumeration, EntryResult, ServerRun } from '../model/tools.js'
import type * as Client from './enumerate.js'
import { defaultLimits, type EnumerationLimits } from './limits.js'
import {
  noRemote,
  planLaunch,
  type LaunchDecision,
  type LaunchRequest,
  type RemoteRequest,
  type RemoteSettings
} from './launch.js'
import { mapPool } from './pool.js'
import { prefetchNpm, type PrefetchResult } from './prefetch.js'
import { refuseHost } from './remote-host.js'
import { prepareSandbox, type Sandbox, type SandboxMode } from './sandbox.js'
import { retimeAlone } from './retime.js'
import { sanitize } from './text.js'

export type { SandboxMode } from './sandbox.js'
export type { RemoteSettings } from './launch.js'
export { defaultLimits, type EnumerationLimits } from './limits.js'

export interface EnumerationOptions {
  readonly sandbox: SandboxMode
  readonly concurrency: number
  readonly limits: EnumerationLimits
  /** Per server name: its own limits (`mcp-lint.json` enumeration.servers). */
  readonly serverLimits?: Readonly<Record<string, Partial<EnumerationLimits>>>
  readonly prefetchTimeoutMs: number
  /** The whole run; servers not started by then are reported, not run. */
  readonly runTimeoutMs: number
  /**
   * Why the caller refuses to launch servers in this run (the Action's and the CLI's event policy:
   * pull_request_target runs hold secrets); every server is then skipped with this reason.
   */
  readonly refusal?: string
  /** Where the run's scratch directories go (the Action: RUNNER_TEMP); the OS temp dir otherwise. */
  readonly tempDir?: string
  /** May grant bwrap user namespaces with an AppArmor profile (see prepareSandbox). */
  readonly allowAppArmorProfile: boolean
  readonly remote: RemoteSettings
  /**
   * A stdio server that took longer than this to answer `initialize` while other servers started
   * beside it is started once more alone, and the alone times are kept: a slow start must be the
   * server's own, not mcp-lint's contention.
   */
  readonly retimeAboveMs?: number
  /**
   * Keeps prefetched packages between runs (the CLI's user cache, an actions/cache directory);
   * without it every run fetches into a fresh directory, removed at the end (hundreds of MB a run).
   */
  readonly cacheDir?: string
  readonly onProgress?: (line: string) => void
}

export const defaultEnumerationOptions: EnumerationOptions = {
  sandbox: 'auto',
  // Servers mostly wait on I/O: 4 at a time measured fastest on a 2-core runner (feasibility.md §2).
  concurrency: 4,
  limits: defaultLimits,
  prefetchTimeoutMs: 180_000,
  runTimeoutMs: 600_000,
  allowAppArmorProfile: false,
  remote: noRemote
}

interface Planned {
  readonly file: string
  readonly name: string
  readonly decision: LaunchDecision
}

type Job = { readonly stdio: LaunchRequest } | { readonly remote: RemoteRequest }

interface Outcome {
  readonly run?: ServerRun
  readonly prefetch?: PrefetchResult
  readonly skipped?: { readonly reason: 'not-allowed' | 'run-timeout'; readonly detail: string }
}

/**
 * Starts every stdio server the workspace configures, in a sandbox, and lists its tools; remote
 * servers too when enabled. Identical launches (the same server in several files) run once; npm
 * packages are prefetched with network and then run offline. Never throws for a server: every
 * entry gets a status.
 */
export async function enumerate(
  workspace: Workspace,
  root: string,
  options: EnumerationOptions
): Promise<Enumeration> {
  const started = performance.now()
  const progress = options.onProgress ?? (() => undefined)
  const planned: Planned[] = allFiles(workspace).flatMap((file) =>
    file.servers.map((entry) => ({
      file: file.path,
      name: entry.name.value,
      decision: planLaunch(root, file, entry, options.remote)
    }))
  )
  const jobs = new Map<string, Job>()
  for (const { decision } of planned) {
    if ('launch' in decision) jobs.set(decision.launch.key, { stdio: decision.launch })
    else if ('remote' in decision) jobs.set(decision.remote.key, { remote: decision.remote })
  }
  const stdioCount = [...jobs.values()].filter((job) => 'stdio' in job).length

  const refused = options.refusal
  if (jobs.size > 0 && refused !== undefined) {
    return finish(
      started,
      'unavailable',
      planned,
      new Map(),
      { reason: 'refused-event', detail: refused },
      refused
    )
  }
  let sandbox: Sandbox | undefined
  let unavailable: string | undefined
  if (stdioCount > 0) {
    const prepared = prepareSandbox(options.sandbox, root, {
      allowAppArmorProfile: options.allowAppArmorProfile,
      log: progress
    })
    if ('unavailable' in prepared) unavailable = prepared.unavailable
    else sandbox = prepared.sandbox
  }
  progress(
    `enumerating ${plural(jobs.size, 'server launch', 'server launches')}, ${options.concurrency} at a time, sandbox: ${sandbox?.kind ?? (unavailable === undefined ? 'not needed' : 'unavailable')}`
  )

  const cacheDir = options.cacheDir
  const keepCache = cacheDir !== undefined && cacheDir !== ''
  const temp = mkdtempSync(join(options.tempDir ?? tmpdir(), 'mcp-lint-npm-'))
  // Only its owner may read or plant packages in a kept cache.
  if (keepCache) mkdirSync(resolve(cacheDir), { recursive: true, mode: 0o700 })
  const caches: Caches = keepCache
    ? { root: resolve(cacheDir), runCopies: temp }
    : { root: temp, runCopies: undefined }
  const deadline = started + options.runTimeoutMs
  const outcomes = new Map<string, Outcome>()
  const labels = labelLaunches(planned)
  const runnable = [...jobs.entries()].filter(([, job]) => 'remote' in job || sandbox !== undefined)
  try {
    await mapPool(runnable, options.concurrency, async ([key, job]) => {
      const { name, label } = labels.get(key) ?? { name: '', label: 'server' }
      if (performance.now() > deadline) {
        outcomes.set(key, {
          skipped: {
            reason: 'run-timeout',
            detail: `the run reached its ${options.runTimeoutMs / 1000} s limit first`
          }
        })
        return
      }
      const limits = { ...options.limits, ...options.serverLimits?.[name] }
      if ('remote' in job) {
        const refusal = await refuseHost(job.remote.url, options.remote.allowPrivateHosts)
        if (refusal !== undefined) {
          outcomes.set(key, { skipped: { reason: 'not-allowed', detail: refusal } })
          return
        }
        progress(`connecting to ${label}`)
        const { enumerateRemote } = await loadClient()
        const run = await enumerateRemote(
          { ...job.remote, allowPrivateHosts: options.remote.allowPrivateHosts },
          limits
        )
        report(progress, label, run)
        outcomes.set(key, { run })
        return
      }
      if (sandbox === undefined) return
      const outcome = await runStdio(job.stdio, sandbox, caches, options, limits, label, progress)
      outcomes.set(key, outcome)
    })
    if (sandbox !== undefined && options.concurrency > 1 && options.retimeAboveMs !== undefined) {
      const stdio = runnable.filter(([, job]) => 'stdio' in job)
      await retimeAlone(stdio, outcomes, options.retimeAboveMs, deadline, async (key, job) => {
        const { name, label } = labels.get(key) ?? { name: '', label: 'server' }
        if (!('stdio' in job)) return {}
        progress(`starting ${label} again alone, to time its start without the others`)
        const limits = { ...options.limits, ...options.serverLimits?.[name] }
        return runStdio(job.stdio, sandbox, caches, options, limits, label, progress)
      })
    }
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
  const missingSandbox =
    unavailable === undefined
      ? undefined
      : { reason: 'sandbox-unavailable' as const, detail: unavailable }
  return finish(
    started,
    sandbox?.kind ?? (unavailable === undefined ? 'unused' : 'unavailable'),
    planned,
    outcomes,
    missingSandbox,
    unavailable
  )
}

/**
 * Where npm packages go. Fetched into `root`, one directory per launch; a kept cache (`runCopies`
 * set) is only ever written by npm, and each run's server starts on a copy of it, so nothing a
 * server writes there survives into a later run.
 */
interface Caches {
  readonly root: string
  readonly runCopies: string | undefined
}

async function runStdio(
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

function report(progress: (line: string) => void, label: string, run: ServerRun): void {
  progress(
    run.status === 'ok'
      ? `${label}: ${plural(run.tools.length, 'tool')} in ${(run.timings.totalMs / 1000).toFixed(1)} s`
      : `${label}: failed, ${run.reason} (${run.detail})`
  )
}

/**
 * A name for each launch in progress lines: the server's name, and its file when the same name
 * launches differently elsewhere (otherwise "starting github" would appear once per variant).
 */
function labelLaunches(planned: readonly Planned[]): Map<string, { name: string; label: string }> {
  const first = new Map<string, Planned>()
  for (const entry of planned) {
    const key = keyOf(entry.decision)
    if (key !== undefined && !first.has(key)) first.set(key, entry)
  }
  const launchesByName = new Map<string, number>()
  for (const { name } of first.values())
    launchesByName.set(name, (launchesByName.get(name) ?? 0) + 1)
  const labels = new Map<string, { name: string; label: string }>()
  for (const [key, { name, file }] of first) {
    const shared = (launchesByName.get(name) ?? 0) > 1
    labels.set(key, { name, label: sanitize(shared ? `${name} (${file})` : name, 120) })
  }
  return labels
}

function keyOf(decision: LaunchDecision): string | undefined {
  return 'launch' in decision
    ? decision.launch.key
    : 'remote' in decision
      ? decision.remote.key
      : undefined
}

/** Every entry with its status: skipped as planned, refused as a whole, or with its run's outcome. */
function finish(
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

/**
 * The MCP client, loaded on first use: building the SDK's schemas costs tens of milliseconds that
 * a lint without enumeration should not pay.
 */
function loadClient(): Promise<typeof Client> {
  return import('./enumerate.js')
}
