import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import type { LaunchRequest } from './launch.js'

/**
 * The npm cache one server launch sees, where only npm ever writes the cache itself:
 * - a package npx runs as `npx -y pkg args` starts directly from its bin (`direct`), with only its
 *   install tree mounted, read-only (see fetchTrees);
 * - any other launch runs npm in the sandbox, and npm writes even to run a package it has (a lookup
 *   compacts its index bucket; npx takes a lock in its install directory and rewrites its hidden
 *   lockfile). It gets `writable`, a copy of the cache made for this launch and removed after it,
 *   less the tarball contents, which are mounted read-only over the copy.
 * Either way a server can change nothing that a later run loads.
 */
export interface NpmCacheView {
  /**
   * The whole cache, as npm fetched it: what a server without a sandbox gets, since it runs with
   * the runner's own rights and could write the cache wherever it is.
   */
  readonly fetched: string
  readonly writable: string | undefined
  /** Read-only mounts: [a fetched directory, where it goes under the cache in the sandbox]. */
  readonly readOnly: readonly (readonly [string, string])[]
  /** The bin to start instead of npx and the directory of its tree's bins, relative to the cache; its args. */
  readonly direct:
    { readonly bin: string; readonly bins: string; readonly args: readonly string[] } | undefined
}

/** A view of one install tree (`tree`, relative to the cache `root`), to start `bin` in it directly. */
export function directView(
  root: string,
  tree: string,
  bin: string,
  args: readonly string[]
): NpmCacheView {
  const modules = `${tree}/node_modules`
  return {
    fetched: root,
    writable: undefined,
    readOnly: [[join(root, modules), modules]],
    direct: { bin: `${tree}/${bin}`, bins: `${modules}/.bin`, args }
  }
}

/**
 * A view of `fetched` for one launch of npm in the sandbox, its writable copy made under
 * `scratch`. npx's installs are copied too: for a range or a tag npx reifies its install again,
 * rewriting `node_modules/.package-lock.json` even when nothing changes.
 */
export async function viewNpmCache(fetched: string, scratch: string): Promise<NpmCacheView> {
  const writable = await mkdtemp(join(scratch, 'npm-'))
  const contents = join(fetched, CONTENTS)
  const present = existsSync(contents)
  const skipped = new Set([contents, join(fetched, '_logs')])
  await cp(fetched, writable, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => !skipped.has(source)
  })
  if (!present) return { fetched, writable, readOnly: [], direct: undefined }
  // The mount point, made here: under sudo, bubblewrap would make it root's.
  await mkdir(join(writable, CONTENTS), { recursive: true })
  return { fetched, writable, readOnly: [[contents, CONTENTS]], direct: undefined }
}

/** Tarball contents, by hash: npm only ever reads them once written, and they are the bulk. */
const CONTENTS = '_cacache/content-v2'

/** The command line a view starts, with the cache at `cache` where the server sees it. */
export function viewCommand(
  request: LaunchRequest,
  view: NpmCacheView,
  cache: string
): { command: string; args: readonly string[] } {
  return view.direct === undefined
    ? { command: request.command, args: request.args }
    : { command: `${cache}/${view.direct.bin}`, args: view.direct.args }
}

/** The server's environment with the bin's directory first on PATH, as npx puts it. */
export function withBinPath(
  env: Record<string, string>,
  view: NpmCacheView,
  cache: string
): Record<string, string> {
  if (view.direct === undefined) return env
  const bins = `${cache}/${view.direct.bins}`
  return { ...env, PATH: env.PATH === undefined || env.PATH === '' ? bins : `${bins}:${env.PATH}` }
}
