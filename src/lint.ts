import { resolve } from 'node:path'
import { ignoreMatcher } from './config/ignore-matcher.js'
import { loadLintConfig, type LintConfig } from './config/lint-config.js'
import { runRules } from './engine.js'
import type { Diagnostic } from './model/diagnostic.js'
import type { Enumeration } from './model/tools.js'
import { allFiles, type Workspace } from './model/workspace.js'
import { applyBaseline } from './baseline/baseline.js'
import { assertDirectory, discover, normalizePath } from './pipeline/discover.js'
import { enumerateTools } from './pipeline/enumerate-tools.js'
import { loadBaseline, loadBaseLockfile, loadLockfile } from './pipeline/repo-files.js'
import type { DialectId } from './platforms/platform.js'
import { platformReports, type PlatformReport } from './result/platforms.js'
import { serverReports, type ServerReport } from './result/servers.js'
import { rules } from './rules/index.js'
import type { LintOptions } from './pipeline/options.js'
import { loadTrustedSettings } from './trust/trusted-settings.js'

// The public API: lint() for the shells, and the pieces `lock` and `sync` build on.
export { lintText } from './lint-text.js'
export { enumerationOptions } from './pipeline/enumeration-options.js'
export { loadLockfile } from './pipeline/repo-files.js'
export type { EnumerateRequest, LintOptions } from './pipeline/options.js'
export type { ServerReport } from './result/servers.js'
export type { SandboxMode } from './runner/options.js'

export interface FileReport {
  readonly path: string
  readonly platform: DialectId
  readonly servers: readonly string[]
}

export interface Summary {
  readonly errors: number
  readonly warnings: number
  readonly notices: number
}

export interface LintResult {
  readonly files: readonly FileReport[]
  readonly servers: readonly ServerReport[]
  /** Per client file: the tools its platform loads, against the platform's limits. */
  readonly platforms: readonly PlatformReport[]
  /** How servers were enumerated, when they were. */
  readonly enumeration?: { readonly sandbox: Enumeration['sandbox']; readonly durationMs: number }
  readonly diagnostics: readonly Diagnostic[]
  readonly summary: Summary
  /** Findings suppressed by `ignores` in the config. */
  readonly ignored: number
  /** When the repository has a baseline: the findings it accepts, left out of `diagnostics`. */
  readonly baseline?: { readonly path: string; readonly known: readonly Diagnostic[] }
  /** The central source the client files were checked against, when another tool writes them. */
  readonly generatedBy?: { readonly tool: string; readonly source: string }
}

/**
 * The whole job, shared by the CLI and the Action: discover the config files, parse them, run the
 * rules and apply the user's config. Throws UsageError for a bad config or root; never for bad files.
 */
export async function lint(options: LintOptions): Promise<LintResult> {
  const loaded = await loadWorkspace(options)
  const { config } = loaded
  let workspace = loaded.workspace
  const lockfile =
    options.base === undefined || options.lockfile !== undefined
      ? await loadLockfile(loaded.root, options.lockfile)
      : await loadBaseLockfile(options.base)
  if (lockfile !== undefined) workspace = { ...workspace, lockfile }
  if (options.enumerate !== undefined) {
    const tools = await enumerateTools(
      workspace,
      loaded.root,
      config,
      options.enumerate,
      options.base
    )
    workspace = { ...workspace, tools }
  }
  const generator = workspace.source?.generator
  const generatedFrom = workspace.source?.main?.path
  const all = runRules(workspace, rules, config.rules, config.ruleSettings)
  const ignored = await ignoreMatcher(config.ignores)
  const kept = all.filter((diagnostic) => !ignored(diagnostic))
  const baseline =
    options.baseline === false ? undefined : await loadBaseline(loaded.root, options.base)
  const { fresh: diagnostics, known } =
    baseline === undefined ? { fresh: kept, known: [] } : applyBaseline(kept, baseline.baseline)
  return {
    files: allFiles(workspace).map((file) => ({
      path: file.path,
      platform: file.platform.id,
      servers: file.servers.map((server) => server.name.value)
    })),
    servers: serverReports(workspace),
    platforms: platformReports(workspace, config.ruleSettings),
    ...(workspace.tools === undefined
      ? {}
      : {
          enumeration: { sandbox: workspace.tools.sandbox, durationMs: workspace.tools.durationMs }
        }),
    diagnostics,
    summary: summarize(diagnostics),
    ignored: all.length - kept.length,
    ...(baseline === undefined ? {} : { baseline: { path: baseline.path, known } }),
    ...(generator === undefined || generatedFrom === undefined
      ? {}
      : { generatedBy: { tool: generator.name, source: generatedFrom } })
  }
}

/** The repository as read: its mcp-lint config and every config file, parsed. */
export async function loadWorkspace(
  options: LintOptions
): Promise<{ root: string; config: LintConfig; workspace: Workspace }> {
  const root = resolve(options.root)
  await assertDirectory(root)
  const { config, pending } =
    options.base === undefined
      ? { config: await loadLintConfig(root, options.configFile), pending: undefined }
      : await loadTrustedSettings(root, options.configFile, options.base)
  const workspace = await discover(root, config, options.environment, {
    ...(options.sourcePath === undefined ? {} : { sourcePath: normalizePath(options.sourcePath) }),
    ...(options.platforms === undefined ? {} : { platforms: options.platforms })
  })
  return {
    root,
    config,
    workspace: pending === undefined ? workspace : { ...workspace, pendingSettings: pending }
  }
}

export function summarize(diagnostics: readonly Diagnostic[]): Summary {
  const count = (severity: Diagnostic['severity']) =>
    diagnostics.filter((d) => d.severity === severity).length
  return { errors: count('error'), warnings: count('warning'), notices: count('notice') }
}
