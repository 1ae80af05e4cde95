import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { allFiles, type Workspace } from '../model/workspace.js'
import { plural } from '../util/plural.js'
import type { Enumeration } from '../model/tools.js'
import { loadClient } from './client-loader.js'
import { finish, type Outcome } from './entry-results.js'
import { planLaunch, type LaunchRequest, type RemoteRequest } from './launch.js'
import type { EnumerationOptions } from './options.js'
import { labelLaunches, type Planned } from './planned-launches.js'
import { fetchTrees, type TreeSpec } from './npm-trees.js'
import { npxShape } from './npx-bin.js'
import { mapPool } from './pool.js'
import { refuseHost } from './remote-host.js'
import { report, runStdio, type Caches } from './run-stdio.js'
import { prepareSandbox, type Sandbox } from './sandbox.js'
import { retimeAlone } from './retime.js'

export type { SandboxMode } from './sandbox.js'
export type { RemoteSettings } from './launch.js'
export { defaultLimits, type EnumerationLimits } from './limits.js'
export { defaultEnumerationOptions, type EnumerationOptions } from './options.js'

type Job = { readonly stdio: LaunchRequest } | { readonly remote: RemoteRequest }

/** The packages of the `npx -y pkg` launches, started from their bins (see fetchTrees). */
function treeSpecs(jobs: readonly (readonly [string, Job])[]): TreeSpec[] {
  return jobs.flatMap(([, job]) => {
    if (!('stdio' in job) || npxShape(job.stdio) === undefined) return []
    const { packageSpec: spec, packageName: name } = job.stdio
    return spec === undefined || name === undefined ? [] : [{ spec, name }]
  })
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
  const caches: Caches = { root: keepCache ? resolve(cacheDir) : temp, scratch: temp }
  const deadline = started + options.runTimeoutMs
  const outcomes = new Map<string, Outcome>()
  const labels = labelLaunches(planned)
  const runnable = [...jobs.entries()].filter(([, job]) => 'remote' in job || sandbox !== undefined)
  try {
    const trees = await fetchTrees(
      sandbox === undefined ? [] : treeSpecs(runnable),
      caches.root,
      { timeoutMs: options.prefetchTimeoutMs, concurrency: options.concurrency },
      progress
    )
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
      const context = { sandbox, caches, options, limits, label, progress }
      const tree = trees.get(job.stdio.packageSpec ?? '')
      outcomes.set(key, await runStdio(job.stdio, context, tree))
    })
    if (sandbox !== undefined && options.concurrency > 1 && options.retimeAboveMs !== undefined) {
      const stdio = runnable.filter(([, job]) => 'stdio' in job)
      await retimeAlone(stdio, outcomes, options.retimeAboveMs, deadline, async (key, job) => {
        const { name, label } = labels.get(key) ?? { name: '', label: 'server' }
        if (!('stdio' in job)) return {}
        progress(`starting ${label} again alone, to time its start without the others`)
        const limits = { ...options.limits, ...options.serverLimits?.[name] }
        const context = { sandbox, caches, options, limits, label, progress }
        return runStdio(job.stdio, context, trees.get(job.stdio.packageSpec ?? ''))
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
