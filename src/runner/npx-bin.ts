import { readFileSync, realpathSync, statSync } from 'node:fs'
import { join, posix } from 'node:path'
import { packageOf, packageVersion, programName } from '../model/launcher.js'
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
 * `node_modules/.bin/<bin>` relative to the tree, and the installed version. Undefined when npx
 * could not choose a bin either, or the link does not lead into the package.
 */
export function packageBin(
  tree: string,
  name: string
): { readonly bin: string; readonly version: string | undefined } | undefined {
  const home = join(tree, 'node_modules', name)
  let manifest: unknown
  try {
    manifest = JSON.parse(readFileSync(join(home, 'package.json'), 'utf8'))
  } catch {
    return undefined
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) return undefined
  const fields = manifest as Record<string, unknown>
  const chosen = binName(fields)
  if (chosen === undefined) return undefined
  const bin = `node_modules/.bin/${chosen}`
  try {
    // The link of another package of the tree with a bin of the same name: npx would not run it.
    const target = realpathSync(join(tree, bin))
    if (!target.startsWith(`${realpathSync(home)}/`) || !statSync(target).isFile()) return undefined
  } catch {
    return undefined
  }
  return { bin, version: typeof fields.version === 'string' ? fields.version : undefined }
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
    typeof bin === 'string'
      ? { [unscoped]: bin }
      : typeof bin === 'object' && bin !== null && !Array.isArray(bin)
        ? (bin as Record<string, unknown>)
        : undefined
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
