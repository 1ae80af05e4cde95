import { readFileSync, realpathSync, statSync } from 'node:fs'
import { join, posix } from 'node:path'
import { packageOf, packageVersion, programName } from '../model/launcher.js'
import { isRecord } from '../util/is-record.js'
import type { LaunchRequest } from './launch.js'

/** A name npm's registry accepts: it names a directory under `node_modules`, and nothing else. */
const packageNamePattern = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/

/**
 * What may follow `name@` for the registry to answer it: a version, a range, a tag, or an `npm:`
 * alias of one. Git, file, directory and URL specs are left to npx.
 */
const registryVersion =
  /^(?:npm:(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*@?)?[0-9A-Za-z.\-+~^<>=| *]*$/

/** npx options that change nothing about what it runs once the package is fetched. */
const quietOptions = new Set(['-y', '--yes', '-q', '--quiet'])

/**
 * The args after the package when a launch is `npx -y pkg args…`, which mcp-lint starts from the
 * package's bin as npx would; undefined for any other shape (`-p`, `-c`, a `cmd /c` wrapper, a
 * `--`, an option npx acts on, a spec the registry does not answer), which starts through npx as
 * written.
 */
export function npxShape(request: LaunchRequest): readonly string[] | undefined {
  const name = request.packageName
  if (
    name === undefined ||
    !packageNamePattern.test(name) ||
    programName(request.command) !== 'npx'
  )
    return undefined
  const version = packageVersion(request.packageSpec ?? '')
  if (version !== undefined && !registryVersion.test(version)) return undefined
  const ref = packageOf(request.command, request.args)
  if (ref === undefined || request.args[ref.index] !== request.packageSpec) return undefined
  if (!request.args.slice(0, ref.index).every((arg) => quietOptions.has(arg))) return undefined
  const args = request.args.slice(ref.index + 1)
  return args.includes('--') ? undefined : args
}

/**
 * The bin npx would run for package `name` installed in `tree`: the link npm made for it,
 * `node_modules/.bin/<bin>` relative to the tree, and the installed version. The bin is chosen
 * from the package as npm recorded it when installing (its hidden lockfile, from which it also
 * made the `.bin` links), not from the tarball's own package.json, which a publisher can make
 * differ. Undefined when npx could not choose a bin either, or the link does not lead into the
 * package.
 */
export function packageBin(
  tree: string,
  name: string
): { readonly bin: string; readonly version: string | undefined } | undefined {
  const entry = lockedPackage(tree, name)
  if (entry === undefined) return undefined
  // An alias (`pkg@npm:other@1`) records the name it was published under, which npx chooses by.
  const chosen = binName({ ...entry, name: typeof entry.name === 'string' ? entry.name : name })
  if (chosen === undefined) return undefined
  const bin = `node_modules/.bin/${chosen}`
  try {
    // The link of another package of the tree with a bin of the same name: npx would not run it.
    const home = realpathSync(join(tree, 'node_modules', name))
    const target = realpathSync(join(tree, bin))
    if (!target.startsWith(`${home}/`) || !statSync(target).isFile()) return undefined
  } catch {
    return undefined
  }
  return { bin, version: typeof entry.version === 'string' ? entry.version : undefined }
}

/** The package's entry in the tree's hidden lockfile, `node_modules/.package-lock.json`. */
function lockedPackage(tree: string, name: string): Record<string, unknown> | undefined {
  let lock: unknown
  try {
    lock = JSON.parse(readFileSync(join(tree, 'node_modules/.package-lock.json'), 'utf8'))
  } catch {
    return undefined
  }
  const packages = isRecord(lock) ? lock.packages : undefined
  const key = `node_modules/${name}`
  const entry = isRecord(packages) && Object.hasOwn(packages, key) ? packages[key] : undefined
  return isRecord(entry) ? entry : undefined
}

/**
 * The bin npx picks (libnpmexec's getBinFromManifest, npm 11.19): the only one, or several naming
 * one file, else the one named like the package without its scope; bins as npm normalises them
 * (npm-normalize-package-bin: a key's last path segment, a target's path cleaned).
 */
export function binName(manifest: Record<string, unknown>): string | undefined {
  const name = typeof manifest.name === 'string' ? manifest.name : undefined
  if (name === undefined) return undefined
  const unscoped = name.replace(/^@[^/]+\//, '')
  const bins = normalizeBins(manifest.bin, unscoped)
  if (bins === undefined || bins.size === 0) return undefined
  if (new Set(bins.values()).size === 1) return [...bins.keys()][0]
  return bins.has(unscoped) ? unscoped : undefined
}

function normalizeBins(bin: unknown, unscoped: string): Map<string, string> | undefined {
  const raw: Record<string, unknown> | undefined =
    typeof bin === 'string' ? { [unscoped]: bin } : isRecord(bin) ? bin : undefined
  if (raw === undefined) return undefined
  const bins = new Map<string, string>()
  for (const [key, target] of Object.entries(raw)) {
    const base = posix.join('/', posix.basename(key.replace(/\\|:/g, '/'))).slice(1)
    if (typeof target !== 'string' || base === '') continue
    const path = posix.join('/', target.replace(/\\/g, '/')).slice(1)
    if (path !== '') bins.set(base, path)
  }
  return bins
}
