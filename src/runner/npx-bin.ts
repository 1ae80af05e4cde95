import { readFileSync, statSync } from 'node:fs'
import { join, normalize } from 'node:path'
import { packageOf, programName } from '../model/launcher.js'
import type { LaunchRequest } from './launch.js'

/** A name npm's registry accepts: it names a directory under `node_modules`, and nothing else. */
const packageNamePattern = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/

/** npx options that change nothing about what it runs once the package is fetched. */
const quietOptions = new Set(['-y', '--yes', '-q', '--quiet'])

/**
 * The args after the package when a launch is `npx -y pkg args…`, which mcp-lint starts from the
 * package's bin as npx would; undefined for any other shape (`-p`, `-c`, a `cmd /c` wrapper, a
 * `--`, an option npx acts on), which starts through npx as written.
 */
export function npxShape(request: LaunchRequest): readonly string[] | undefined {
  const name = request.packageName
  if (
    name === undefined ||
    !packageNamePattern.test(name) ||
    programName(request.command) !== 'npx'
  )
    return undefined
  const ref = packageOf(request.command, request.args)
  if (ref === undefined || request.args[ref.index] !== request.packageSpec) return undefined
  if (!request.args.slice(0, ref.index).every((arg) => quietOptions.has(arg))) return undefined
  const args = request.args.slice(ref.index + 1)
  return args.includes('--') ? undefined : args
}

/**
 * The file npx would run for package `name` installed in `tree`, relative to the tree
 * (`node_modules/<name>/<bin>`), and the installed version; undefined when npx could not choose
 * a bin either, or the bin is not a file inside the package.
 */
export function packageBin(
  tree: string,
  name: string
): { readonly bin: string; readonly version: string | undefined } | undefined {
  const home = `node_modules/${name}`
  let manifest: unknown
  try {
    manifest = JSON.parse(readFileSync(join(tree, home, 'package.json'), 'utf8'))
  } catch {
    return undefined
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) return undefined
  const fields = manifest as Record<string, unknown>
  const chosen = binName(fields)
  const path = chosen === undefined ? undefined : binPath(fields.bin, chosen)
  if (path === undefined) return undefined
  const inside = normalize(path)
  if (inside.startsWith('..') || inside.startsWith('/')) return undefined
  const bin = `${home}/${inside}`
  try {
    if (!statSync(join(tree, bin)).isFile()) return undefined
  } catch {
    return undefined
  }
  return { bin, version: typeof fields.version === 'string' ? fields.version : undefined }
}

function binPath(bin: unknown, name: string): string | undefined {
  if (typeof bin === 'string') return bin
  if (typeof bin !== 'object' || bin === null || !Object.hasOwn(bin, name)) return undefined
  const path = (bin as Record<string, unknown>)[name]
  return typeof path === 'string' ? path : undefined
}

/**
 * The bin npx picks (libnpmexec's getBinFromManifest, npm 11): the only one, or several naming one
 * file, else the one named like the package without its scope.
 */
export function binName(manifest: Record<string, unknown>): string | undefined {
  const name = typeof manifest.name === 'string' ? manifest.name : undefined
  if (name === undefined) return undefined
  const unscoped = name.replace(/^@[^/]+\//, '')
  const bin = manifest.bin
  if (typeof bin === 'string') return unscoped
  if (typeof bin !== 'object' || bin === null || Array.isArray(bin)) return undefined
  const entries = Object.entries(bin as Record<string, unknown>).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string'
  )
  if (entries.length === 0) return undefined
  if (new Set(entries.map(([, path]) => path)).size === 1) return entries[0]?.[0]
  return entries.some(([key]) => key === unscoped) ? unscoped : undefined
}
