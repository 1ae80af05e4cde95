import { noRemote, type RemoteSettings } from './launch.js'
import { defaultLimits, type EnumerationLimits } from './limits.js'
import type { SandboxMode } from './sandbox.js'

export type { SandboxMode } from './sandbox.js'

// What enumeration may do, apart from the code that does it: lint() reads these defaults on every
// run, and only a run that enumerates loads the runner itself.
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
