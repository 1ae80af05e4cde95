import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { loadLintConfig, matchesIgnore, type LintConfig } from './config/lint-config.js'
import type { Diagnostic } from './core/diagnostic.js'
import { UsageError } from './core/errors.js'
import { loadConfigFile } from './core/load.js'
import type { ConfigFile, Transport, Workspace } from './core/model.js'
import { runRules } from './engine.js'
import { getPlatform, platforms } from './platforms/index.js'
import type { Platform, PlatformId } from './platforms/platform.js'
import { rules } from './rules/index.js'

export interface LintOptions {
  /** The repository to check. */
  readonly root: string
  /** An explicit mcp-lint config file; otherwise mcp-lint.json or .mcp-lint.json in the root. */
  readonly configFile?: string
}

export interface FileReport {
  readonly path: string
  readonly platform: PlatformId
  readonly servers: readonly string[]
}

export interface ServerReport {
  readonly name: string
  readonly file: string
  readonly platform: PlatformId
  readonly transport: Transport
  readonly status: 'skipped'
  readonly reason: 'enumeration-off'
}

export interface Summary {
  readonly errors: number
  readonly warnings: number
  readonly notices: number
}

export interface LintResult {
  readonly files: readonly FileReport[]
  readonly servers: readonly ServerReport[]
  readonly diagnostics: readonly Diagnostic[]
  readonly summary: Summary
  /** Findings suppressed by `ignores` in the config. */
  readonly ignored: number
}

/**
 * The whole job, shared by the CLI and the Action: discover the config files, parse them, run the
 * rules and apply the user's config. Throws UsageError for a bad config or root; never for bad files.
 */
export async function lint(options: LintOptions): Promise<LintResult> {
  const root = resolve(options.root)
  await assertDirectory(root)
  const config = await loadLintConfig(root, options.configFile)
  const workspace = await discover(root, config)
  const all = runRules(workspace, rules, config.rules)
  const diagnostics = all.filter(
    (diagnostic) => !config.ignores.some((ignore) => matchesIgnore(ignore, diagnostic))
  )
  return {
    files: workspace.files.map((file) => ({
      path: file.path,
      platform: file.platform.id,
      servers: file.servers.map((server) => server.name.value)
    })),
    servers: workspace.files.flatMap((file) =>
      file.servers.map((server) => ({
        name: server.name.value,
        file: file.path,
        platform: file.platform.id,
        transport: server.transport,
        status: 'skipped' as const,
        reason: 'enumeration-off' as const
      }))
    ),
    diagnostics,
    summary: summarize(diagnostics),
    ignored: all.length - diagnostics.length
  }
}

async function assertDirectory(root: string): Promise<void> {
  try {
    if ((await stat(root)).isDirectory()) return
  } catch {
    throw new UsageError(`${root}: no such directory`)
  }
  throw new UsageError(`${root} is not a directory`)
}

/** Every known platform path plus the configured extras, loaded concurrently, in a stable order. */
export async function discover(root: string, config: LintConfig): Promise<Workspace> {
  const targets: { path: string; platform: Platform }[] = platforms.flatMap((platform) =>
    platform.paths.map((path) => ({ path, platform }))
  )
  for (const extra of config.paths) {
    const path = extra.path.replace(/\\/g, '/').replace(/^\.\//, '')
    // A configured platform for a known path overrides the default reading (root mcp_config.json
    // is Windsurf's in some repositories, Antigravity's in others).
    const known = targets.findIndex((target) => target.path === path)
    if (known !== -1) targets.splice(known, 1)
    targets.push({ path, platform: getPlatform(extra.platform) })
  }
  const loaded = await Promise.all(
    targets.map(({ path, platform }) =>
      loadConfigFile(root, path, platform, { maxBytes: config.maxFileBytes })
    )
  )
  const files = loaded
    .filter((file): file is ConfigFile => file !== undefined)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return { files }
}

function summarize(diagnostics: readonly Diagnostic[]): Summary {
  const count = (severity: Diagnostic['severity']) =>
    diagnostics.filter((d) => d.severity === severity).length
  return { errors: count('error'), warnings: count('warning'), notices: count('notice') }
}
