import { readdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { loadLintConfig, matchesIgnore, type LintConfig } from './config/lint-config.js'
import { compareText, type Diagnostic } from './core/diagnostic.js'
import { UsageError } from './core/errors.js'
import { loadConfigFile } from './core/load.js'
import { parseJson } from './core/parse/json.js'
import { readRepoFile } from './core/read-file.js'
import { SourceText } from './core/source.js'
import { findProperty } from './core/tree.js'
import type { ConfigFile, Transport, Workspace } from './core/model.js'
import { runRules } from './engine.js'
import { getPlatform, platforms } from './platforms/index.js'
import type { Platform, PlatformId } from './platforms/platform.js'
import { rules } from './rules/index.js'
import { buildSource, type Overlay } from './source/load-source.js'
import { ENVIRONMENTS_DIR, FRAGMENTS_DIR } from './source/model.js'

export interface LintOptions {
  /** The repository to check. */
  readonly root: string
  /** An explicit mcp-lint config file; otherwise mcp-lint.json or .mcp-lint.json in the root. */
  readonly configFile?: string
  /** The environment overlay of the central source to apply (`.agents/mcp/environments/<name>.json`). */
  readonly environment?: string
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
  const { config, workspace } = await loadWorkspace(options)
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

/** The repository as read: its mcp-lint config and every config file, parsed. */
export async function loadWorkspace(
  options: LintOptions
): Promise<{ root: string; config: LintConfig; workspace: Workspace }> {
  const root = resolve(options.root)
  await assertDirectory(root)
  const config = await loadLintConfig(root, options.configFile)
  return { root, config, workspace: await discover(root, config, options.environment) }
}

async function assertDirectory(root: string): Promise<void> {
  try {
    if ((await stat(root)).isDirectory()) return
  } catch {
    throw new UsageError(`${root}: no such directory`)
  }
  throw new UsageError(`${root} is not a directory`)
}

/**
 * Every known platform path, the central source's fragments and declared targets, and the
 * configured extras, loaded concurrently, in a stable order.
 */
export async function discover(
  root: string,
  config: LintConfig,
  environment?: string
): Promise<Workspace> {
  const targets: { path: string; platform: Platform }[] = platforms.flatMap((platform) =>
    platform.paths.map((path) => ({ path, platform }))
  )
  for (const fragment of await listFragments(root))
    targets.push({ path: fragment, platform: getPlatform('source') })
  for (const extra of config.paths) {
    const path = extra.path.replace(/\\/g, '/').replace(/^\.\//, '')
    // A configured platform for a known path overrides the default reading (root mcp_config.json
    // is Windsurf's in some repositories, Antigravity's in others).
    const known = targets.findIndex((target) => target.path === path)
    if (known !== -1) targets.splice(known, 1)
    targets.push({ path, platform: getPlatform(extra.platform) })
  }
  const load = (path: string, platform: Platform) =>
    loadConfigFile(root, path, platform, { maxBytes: config.maxFileBytes })
  const files = (
    await Promise.all(targets.map(({ path, platform }) => load(path, platform)))
  ).filter((file): file is ConfigFile => file !== undefined)
  const overlay =
    environment === undefined
      ? undefined
      : await loadOverlay(root, environment, config.maxFileBytes)
  let source = buildSource(files, overlay)
  // Targets the source declares at paths of their own are platform files too.
  const declared = (source?.targets ?? []).filter(
    (target) =>
      !files.some((file) => file.path === target.path && file.platform.id === target.platform.id)
  )
  if (declared.length > 0) {
    const more = await Promise.all(declared.map((target) => load(target.path, target.platform)))
    files.push(...more.filter((file): file is ConfigFile => file !== undefined))
    source = buildSource(files, overlay)
  }
  files.sort((a, b) => compareText(a.path, b.path) || compareText(a.platform.id, b.platform.id))
  return { files, source }
}

async function listFragments(root: string): Promise<string[]> {
  try {
    const names = await readdir(join(root, FRAGMENTS_DIR))
    return names
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => `${FRAGMENTS_DIR}/${name}`)
  } catch {
    return []
  }
}

async function listEnvironments(root: string): Promise<string[]> {
  try {
    const names = await readdir(join(root, ENVIRONMENTS_DIR))
    return names.filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -5))
  } catch {
    return []
  }
}

/** Reads an environment overlay; it was asked for by name, so any problem with it is a usage error. */
async function loadOverlay(root: string, name: string, maxBytes: number): Promise<Overlay> {
  if (!/^[A-Za-z0-9_.-]+$/.test(name) || name.startsWith('.')) {
    throw new UsageError(
      `environment "${name}" is not a valid name: use letters, digits, ".", "_" and "-"`
    )
  }
  const path = `${ENVIRONMENTS_DIR}/${name}.json`
  const outcome = await readRepoFile(root, path, { maxBytes })
  if (outcome.status === 'missing') {
    const available = await listEnvironments(root)
    const hint = available.length > 0 ? ` (available: ${available.sort().join(', ')})` : ''
    throw new UsageError(`environment "${name}" not found: there is no ${path}${hint}`)
  }
  if (outcome.status === 'problem')
    throw new UsageError(`${path}: the file ${outcome.problem.detail}`)
  const parsed = parseJson(new SourceText(path, outcome.text))
  const problem = parsed.problems[0]
  if (problem !== undefined) {
    const { line, column } = problem.location.range.start
    throw new UsageError(`${path}:${line}:${column}: invalid JSON: ${problem.detail}`)
  }
  const servers =
    parsed.root?.kind === 'object' ? findProperty(parsed.root, 'mcpServers')?.value : undefined
  if (servers?.kind !== 'object')
    throw new UsageError(`${path}: an environment overlay needs an "mcpServers" object`)
  return { name, servers }
}

function summarize(diagnostics: readonly Diagnostic[]): Summary {
  const count = (severity: Diagnostic['severity']) =>
    diagnostics.filter((d) => d.severity === severity).length
  return { errors: count('error'), warnings: count('warning'), notices: count('notice') }
}
