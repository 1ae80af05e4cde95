import { readdir, readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import {
  CONFIG_FILE_NAMES,
  loadLintConfig,
  matchesIgnore,
  type LintConfig,
  type TimeoutSettings
} from './config/lint-config.js'
import { compareText, type Diagnostic } from './model/diagnostic.js'
import { UsageError } from './util/errors.js'
import { loadConfigFile } from './parse/load.js'
import { findUnattributed } from './discover/unattributed.js'
import { walkFiles } from './discover/walk.js'
import { parseJson } from './parse/json.js'
import { readRepoFile } from './parse/read-file.js'
import { SourceText } from './model/location.js'
import { findProperty } from './model/tree.js'
import { allFiles, type ConfigFile, type Workspace } from './model/workspace.js'
import type { Enumeration } from './model/tools.js'
import { applyBaseline, BASELINE_PATH, parseBaseline, type Baseline } from './baseline/baseline.js'
import { LOCKFILE_PATH, parseLockfile, type LoadedLockfile } from './lockfile/lockfile.js'
import { platformReports, type PlatformReport } from './result/platforms.js'
import { serverReports, type ServerReport } from './result/servers.js'
import {
  defaultEnumerationOptions,
  enumerate,
  type EnumerationOptions,
  type SandboxMode
} from './runner/index.js'
import { runRules } from './engine.js'
import { dialectForPath, getPlatform, platforms, sourceDialects } from './platforms/index.js'
import { source as sourceDialect } from './platforms/source.js'
import type { DialectId, Platform, PlatformId } from './platforms/platform.js'

export type { ServerReport } from './result/servers.js'
export type { SandboxMode } from './runner/index.js'
import { rules } from './rules/index.js'
import type { HeaderBinding } from './config/remote-headers.js'
import type { BaseRevision } from './trust/base-revision.js'
import { loadTrustedSettings } from './trust/trusted-settings.js'
import { trustedUrls } from './trust/trusted-urls.js'
import { buildSource, type Overlay } from './source/load-source.js'
import { ENVIRONMENTS_DIR, FRAGMENTS_DIR } from './source/model.js'

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

/** A repo-relative path as the model keeps paths: `/`-separated, no leading `./`. */
function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '')
}

function checkInsideRoot(path: string): void {
  if (path.startsWith('/') || path === '..' || path.startsWith('../') || /^[A-Za-z]:/.test(path))
    throw new UsageError(
      `the central source ${path} is outside the repository; give a repo-relative path`
    )
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
    const enumeration = enumerationOptions(config, options.enumerate)
    const bound = new Set(enumeration.remote.bindings.map((binding) => binding.server))
    const remote =
      options.base === undefined || !enumeration.remote.enabled || bound.size === 0
        ? enumeration.remote
        : {
            ...enumeration.remote,
            trustedUrls: await trustedUrls(workspace, bound, options.base)
          }
    workspace = {
      ...workspace,
      tools: await enumerate(workspace, loaded.root, { ...enumeration, remote })
    }
  }
  const generator = workspace.source?.generator
  const generatedFrom = workspace.source?.main?.path
  const all = runRules(workspace, rules, config.rules, config.ruleSettings)
  const kept = all.filter(
    (diagnostic) => !config.ignores.some((ignore) => matchesIgnore(ignore, diagnostic))
  )
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

/**
 * Command-line settings over mcp-lint.json's `enumeration`, over the defaults; a server's own
 * settings in `enumeration.servers` over all of them.
 */
export function enumerationOptions(
  config: LintConfig,
  request: EnumerateRequest
): EnumerationOptions {
  const settings = config.enumeration
  const seconds = (value: number | undefined, fallback: number) =>
    value === undefined ? fallback : Math.round(value * 1000)
  const defaults = defaultEnumerationOptions
  const limitsFor = (timeouts: TimeoutSettings, base: EnumerationOptions['limits']) => {
    const totalMs = seconds(timeouts.timeoutSeconds, base.totalMs)
    // A longer whole-server time lifts the step limits not set beside it: a server given 90 s
    // may spend 60 of them starting.
    const step = (value: number | undefined, baseMs: number) =>
      seconds(value, timeouts.timeoutSeconds === undefined ? baseMs : Math.max(baseMs, totalMs))
    return {
      ...base,
      totalMs,
      initializeMs: step(timeouts.initializeTimeoutSeconds, base.initializeMs),
      listMs: step(timeouts.listTimeoutSeconds, base.listMs)
    }
  }
  const limits = limitsFor(
    {
      ...settings,
      ...(request.timeoutSeconds === undefined ? {} : { timeoutSeconds: request.timeoutSeconds })
    },
    defaults.limits
  )
  return {
    ...defaults,
    sandbox: request.sandbox ?? defaults.sandbox,
    concurrency: request.concurrency ?? settings.concurrency ?? defaults.concurrency,
    limits,
    serverLimits: Object.fromEntries(
      Object.entries(settings.servers ?? {}).map(([name, timeouts]) => [
        name,
        limitsFor(timeouts, limits)
      ])
    ),
    runTimeoutMs: seconds(settings.runTimeoutSeconds, defaults.runTimeoutMs),
    retimeAboveMs: config.ruleSettings.slowStartMs,
    ...(request.refusal === undefined ? {} : { refusal: request.refusal }),
    ...(request.tempDir === undefined ? {} : { tempDir: request.tempDir }),
    allowAppArmorProfile: request.allowAppArmorProfile ?? false,
    remote: {
      enabled: request.remote ?? false,
      bindings: request.remoteHeaders ?? [],
      allowPrivateHosts: request.allowPrivateHosts ?? false
    },
    ...(request.cacheDir === undefined ? {} : { cacheDir: request.cacheDir }),
    ...(request.onProgress === undefined ? {} : { onProgress: request.onProgress })
  }
}

/** The lockfile to compare with: an explicit path, or the repository's own if it has one. */
export async function loadLockfile(
  root: string,
  explicit: string | undefined
): Promise<LoadedLockfile | undefined> {
  if (explicit !== undefined) {
    let text: string
    try {
      text = await readFile(explicit, 'utf8')
    } catch (error) {
      throw new UsageError(
        `cannot read the lockfile ${explicit}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`
      )
    }
    return parseLockfile(explicit, text)
  }
  const outcome = await readRepoFile(root, LOCKFILE_PATH, { maxBytes: 64 * 1024 * 1024 })
  if (outcome.status === 'missing') return undefined
  if (outcome.status === 'problem')
    throw new UsageError(`${LOCKFILE_PATH}: the file ${outcome.problem.detail}`)
  return parseLockfile(LOCKFILE_PATH, outcome.text)
}

/**
 * The base revision's lockfile: any answer but "there is none" that is not the file itself fails
 * the run, since falling back to the branch's copy would let a PR pin its own tools.
 */
async function loadBaseLockfile(base: BaseRevision): Promise<LoadedLockfile | undefined> {
  const text = await base.read(LOCKFILE_PATH)
  return text === null ? undefined : parseLockfile(`${LOCKFILE_PATH} (${base.label})`, text)
}

/**
 * The baseline of accepted findings: the base revision's on a pull request (a branch cannot accept
 * its own findings), else the repository's, if it has one.
 */
async function loadBaseline(
  root: string,
  base: BaseRevision | undefined
): Promise<{ path: string; baseline: Baseline } | undefined> {
  if (base !== undefined) {
    const text = await base.read(BASELINE_PATH)
    const path = `${BASELINE_PATH} (${base.label})`
    return text === null ? undefined : { path, baseline: parseBaseline(path, text) }
  }
  const outcome = await readRepoFile(root, BASELINE_PATH, { maxBytes: 64 * 1024 * 1024 })
  if (outcome.status === 'missing') return undefined
  if (outcome.status === 'problem')
    throw new UsageError(`${BASELINE_PATH}: the file ${outcome.problem.detail}`)
  return { path: BASELINE_PATH, baseline: parseBaseline(BASELINE_PATH, outcome.text) }
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
  environment?: string,
  scope: { sourcePath?: string; platforms?: readonly PlatformId[] } = {}
): Promise<Workspace> {
  const wanted = (platform: Platform) =>
    scope.platforms === undefined || scope.platforms.includes(platform.id)
  const targets: { path: string; platform: Platform }[] = platforms
    .filter(wanted)
    .flatMap((platform) => platform.paths.map((path) => ({ path, platform })))
  for (const platform of platforms.filter(wanted))
    for (const folder of platform.folders ?? [])
      for (const path of await walkFiles(root, folder.dir, 4, (file) =>
        folder.extensions.some((extension) => file.endsWith(extension))
      ))
        if (!platform.paths.includes(path)) targets.push({ path, platform })
  const sourcePaths = [...sourceDialect.paths]
  if (scope.sourcePath !== undefined) {
    checkInsideRoot(scope.sourcePath)
    sourcePaths.push(scope.sourcePath)
  }
  sourcePaths.push(...(await listFragments(root)))
  const extras = config.paths.map((extra) => ({ ...extra, path: normalizePath(extra.path) }))
  for (const extra of extras) {
    const path = extra.path
    // A configured platform for a known path overrides the default reading (root mcp_config.json
    // is Windsurf's in some repositories, Antigravity's in others).
    const known = targets.findIndex((target) => target.path === path)
    if (known !== -1) targets.splice(known, 1)
    if (wanted(getPlatform(extra.platform)))
      targets.push({ path, platform: getPlatform(extra.platform) })
  }
  const load = (path: string, platform: Platform) =>
    loadConfigFile(root, path, platform, { maxBytes: config.maxFileBytes })
  const files = (
    await Promise.all(targets.map(({ path, platform }) => load(path, platform)))
  ).filter((file): file is ConfigFile => file !== undefined)
  // mcp-lint's own source and fragments, and the sources of generators (rulesync, ruler):
  // buildSource uses the best-ranked format present.
  const sourceTargets = [
    ...[...new Set(sourcePaths)].map((path) => ({ path, dialect: sourceDialect })),
    ...sourceDialects
      .filter((dialect) => dialect !== sourceDialect)
      .flatMap((dialect) => dialect.paths.map((path) => ({ path, dialect })))
  ]
  const sourceFiles = (
    await Promise.all(
      sourceTargets.map(({ path, dialect }) =>
        loadConfigFile(root, path, dialect, { maxBytes: config.maxFileBytes })
      )
    )
  ).filter((file) => file !== undefined)
  const overlay =
    environment === undefined
      ? undefined
      : await loadOverlay(root, environment, config.maxFileBytes)
  let source = buildSource(sourceFiles, files, overlay, scope.sourcePath)
  // Targets the source declares at paths of their own are platform files too.
  const declared = (source?.targets ?? []).filter(
    (target) =>
      wanted(target.platform) &&
      !files.some((file) => file.path === target.path && file.platform.id === target.platform.id)
  )
  if (declared.length > 0) {
    const more = await Promise.all(declared.map((target) => load(target.path, target.platform)))
    files.push(...more.filter((file): file is ConfigFile => file !== undefined))
    source = buildSource(sourceFiles, files, overlay, scope.sourcePath)
  }
  files.sort((a, b) => compareText(a.path, b.path) || compareText(a.platform.id, b.platform.id))
  // Platforms left out by `platforms` are not targets either: no drift is reported for them.
  if (source !== undefined && scope.platforms !== undefined)
    source = { ...source, targets: source.targets.filter((target) => wanted(target.platform)) }
  const projectPackages = await loadProjectPackages(root, config.maxFileBytes)
  const read = new Set([
    ...files.map((file) => file.path),
    ...sourceFiles.map((file) => file.path),
    ...extras.map((extra) => extra.path),
    LOCKFILE_PATH,
    ...CONFIG_FILE_NAMES
  ])
  const unattributed = await findUnattributed(
    root,
    (path) =>
      read.has(path) ||
      dialectForPath(path) !== undefined ||
      path.startsWith(`${FRAGMENTS_DIR}/`) ||
      path.startsWith(`${ENVIRONMENTS_DIR}/`)
  )
  return {
    files,
    source,
    ...(projectPackages === undefined ? {} : { projectPackages }),
    ...(unattributed.length === 0 ? {} : { unattributed })
  }
}

/**
 * The npm packages the repository depends on (package.json), so `npx <dependency>` is read as the
 * project's own locked copy rather than an unpinned download. A bad package.json is ignored here.
 */
async function loadProjectPackages(
  root: string,
  maxBytes: number
): Promise<ReadonlySet<string> | undefined> {
  const read = await readRepoFile(root, 'package.json', { maxBytes })
  if (read.status !== 'ok') return undefined
  let manifest: unknown
  try {
    manifest = JSON.parse(read.text)
  } catch {
    return undefined
  }
  if (typeof manifest !== 'object' || manifest === null) return undefined
  const names = new Set<string>()
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    const deps = (manifest as Record<string, unknown>)[field]
    if (typeof deps === 'object' && deps !== null)
      for (const name of Object.keys(deps)) names.add(name)
  }
  return names
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

export function summarize(diagnostics: readonly Diagnostic[]): Summary {
  const count = (severity: Diagnostic['severity']) =>
    diagnostics.filter((d) => d.severity === severity).length
  return { errors: count('error'), warnings: count('warning'), notices: count('notice') }
}
