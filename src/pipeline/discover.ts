import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { CONFIG_FILE_NAMES, type LintConfig } from '../config/lint-config.js'
import { findUnattributed } from '../discover/unattributed.js'
import { walkFiles } from '../discover/walk.js'
import { LOCKFILE_PATH } from '../lockfile/lockfile.js'
import { compareText } from '../model/diagnostic.js'
import { SourceText } from '../model/location.js'
import { findProperty } from '../model/tree.js'
import type { ConfigFile, Workspace } from '../model/workspace.js'
import { parseJson } from '../parse/json.js'
import { loadConfigFile } from '../parse/load.js'
import { readRepoFile } from '../parse/read-file.js'
import { dialectForPath, getPlatform, platforms, sourceDialects } from '../platforms/index.js'
import type { Platform, PlatformId } from '../platforms/platform.js'
import { source as sourceDialect } from '../platforms/source.js'
import { buildSource, type Overlay } from '../source/load-source.js'
import { ENVIRONMENTS_DIR, FRAGMENTS_DIR } from '../source/model.js'
import { UsageError } from '../util/errors.js'

/** A repo-relative path as the model keeps paths: `/`-separated, no leading `./`. */
export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '')
}

function checkInsideRoot(path: string): void {
  if (path.startsWith('/') || path === '..' || path.startsWith('../') || /^[A-Za-z]:/.test(path))
    throw new UsageError(
      `the central source ${path} is outside the repository; give a repo-relative path`
    )
}

export async function assertDirectory(root: string): Promise<void> {
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
