import { execFile } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isExactVersion, packageVersion } from '../model/launcher.js'
import { sanitize } from './text.js'

/** What npm needs from the runner to reach its registry; nothing here reaches a server. */
const npmEnvironment = [
  'PATH',
  'HOME',
  'USER',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'NODE_EXTRA_CA_CERTS',
  'NPM_CONFIG_USERCONFIG',
  'NPM_CONFIG_REGISTRY',
  'npm_config_registry',
  'NODE_AUTH_TOKEN'
]

export type PrefetchResult =
  | { readonly ok: true; readonly version: string | undefined }
  | { readonly ok: false; readonly detail: string }

/**
 * Written into a cache once npm has fetched a pinned spec there. npm never changes what a published
 * version holds, so a later run starts it offline without asking the registry again; a range or a
 * tag is resolved afresh every run, as npx would.
 */
const FETCHED = 'mcp-lint-fetched'

export function isPinned(spec: string): boolean {
  const version = packageVersion(spec)
  return version !== undefined && isExactVersion(version)
}

/** The result of an earlier run's fetch of this pinned spec into this cache, if there was one. */
export function fetchedBefore(
  spec: string,
  name: string,
  cache: string
): PrefetchResult | undefined {
  if (!isPinned(spec)) return undefined
  try {
    if (readFileSync(join(cache, FETCHED), 'utf8') !== spec) return undefined
  } catch {
    return undefined
  }
  const version = installedVersion(cache, name)
  return version === undefined ? undefined : { ok: true, version }
}

/**
 * Downloads an npm package into a cache with npx's own resolution, running none of its code
 * (`--ignore-scripts`, and `true` as the command), so the sandboxed launch can run offline.
 */
export async function prefetchNpm(
  spec: string,
  name: string,
  cache: string,
  timeoutMs: number
): Promise<PrefetchResult> {
  const ran = await runNpm(
    ['exec', '--yes', '--ignore-scripts', `--package=${spec}`, '--', 'true'],
    cache,
    cache,
    timeoutMs
  )
  if (ran !== undefined)
    return { ok: false, detail: `npm could not fetch ${sanitize(spec, 100)}: ${ran}` }
  if (isPinned(spec)) writeFileSync(join(cache, FETCHED), spec)
  return { ok: true, version: installedVersion(cache, name) }
}

/**
 * Runs npm with its cache at `cache`, in `project` (made a project of its own), with only what it
 * needs from the runner's environment. Undefined when it succeeded, else why it failed.
 */
export function runNpm(
  args: readonly string[],
  project: string,
  cache: string,
  timeoutMs: number
): Promise<string | undefined> {
  const env: Record<string, string> = {
    npm_config_cache: cache,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_ignore_scripts: 'true'
  }
  for (const key of npmEnvironment) {
    const value = process.env[key]
    if (value !== undefined) env[key] = value
  }
  // npm takes the nearest directory with a package.json or node_modules as the project, and npm
  // exec is satisfied by a package installed there, fetching nothing: a cache directory inside a
  // project (node_modules/.cache, say) must be a project of its own.
  const manifest = join(project, 'package.json')
  if (!existsSync(manifest)) writeFileSync(manifest, '{}\n')
  return new Promise((resolve) => {
    execFile(
      'npm',
      args,
      { env, cwd: project, timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (error === null) resolve(undefined)
        else
          resolve(
            error.killed
              ? `timed out after ${timeoutMs / 1000} s`
              : (/npm error code (\S+)/.exec(stderr)?.[1] ?? `exit ${String(error.code)}`)
          )
      }
    )
  })
}

/** The version npx installed: the newest `_npx/<hash>/node_modules/<name>` in the cache. */
function installedVersion(cache: string, name: string): string | undefined {
  let newest: { version: string; time: number } | undefined
  let dirs: string[]
  try {
    dirs = readdirSync(join(cache, '_npx'))
  } catch {
    return undefined
  }
  for (const dir of dirs) {
    const manifest = join(cache, '_npx', dir, 'node_modules', name, 'package.json')
    try {
      const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version
      const time = statSync(manifest).mtimeMs
      if (typeof version === 'string' && (newest === undefined || time > newest.time))
        newest = { version, time }
    } catch {
      // Not this package.
    }
  }
  return newest?.version
}
