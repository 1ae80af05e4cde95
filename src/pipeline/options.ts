import type { HeaderBinding } from '../config/remote-headers.js'
import type { PlatformId } from '../platforms/platform.js'
import type { SandboxMode } from '../runner/options.js'
import type { BaseRevision } from '../trust/base-revision.js'

export interface LintOptions {
  /** The repository to check. */
  readonly root: string
  /** An explicit mcp-lint config file; otherwise mcp-lint.json or .mcp-lint.json in the root. */
  readonly configFile?: string
  /** The environment overlay of the central source to apply (`.agents/mcp/environments/<name>.json`). */
  readonly environment?: string
  /** The central source's main file, when it is not at .agents/mcp/mcp-servers.json. */
  readonly sourcePath?: string
  /** Check only these platforms' files (the central source is always read). */
  readonly platforms?: readonly PlatformId[]
  /** Start the stdio servers in a sandbox and list their tools; settings override mcp-lint.json. */
  readonly enumerate?: EnumerateRequest
  /** The lockfile to compare tools with, instead of the repository's own. */
  readonly lockfile?: string
  /**
   * The trusted revision on a pull request (its base): mcp-lint.json and the lockfile are read from
   * it, and headers bound to remote servers go only to the URLs it gives them. A PR can neither
   * change its own checks nor approve its own tool changes.
   */
  readonly base?: BaseRevision
  /** false: report every finding, as if the repository had no baseline (`init --baseline`). */
  readonly baseline?: boolean
}

export interface EnumerateRequest {
  readonly sandbox?: SandboxMode
  readonly concurrency?: number
  readonly timeoutSeconds?: number
  /** Why launching is refused in this run: the shells' event policy (src/action/event-policy.ts). */
  readonly refusal?: string
  /** Where scratch directories go (the Action: RUNNER_TEMP). */
  readonly tempDir?: string
  /** May grant bwrap user namespaces with an AppArmor profile (hosted runners: see the Action). */
  readonly allowAppArmorProfile?: boolean
  /** Connect to remote servers too. */
  readonly remote?: boolean
  /** Headers remote servers get from variables, bound by the workflow or the command line. */
  readonly remoteHeaders?: readonly HeaderBinding[]
  /** http:// and private addresses for remote servers (local test servers only). */
  readonly allowPrivateHosts?: boolean
  /** Where prefetched packages are kept between runs; a fresh directory each run without it. */
  readonly cacheDir?: string
  readonly onProgress?: (line: string) => void
}
