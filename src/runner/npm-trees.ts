import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { mapPool } from './pool.js'
import { isPinned, runNpm } from './prefetch.js'
import { sanitize } from './text.js'

/** A package an `npx -y pkg` launch runs, as the config names it. */
export interface TreeSpec {
  readonly spec: string
  readonly name: string
}

export type TreeFetch =
  | { readonly ok: true; readonly tree: string; readonly fetchedBefore: boolean }
  | { readonly ok: false; readonly detail: string }

/** Lists the specs installed in a tree, written once npm has installed them all. */
const MARKER = 'mcp-lint-fetched.json'

/**
 * Installs the packages of every `npx -y pkg` launch with one npm process, into install trees
 * under `<root>/trees` (npm's cache at `<root>/npm`), running none of their code: one resolution
 * shares the dependencies the servers have in common, where a fetch per launch would ask the
 * registry for each of them again (measured: 4 servers in 15 to 17 s instead of 20). Packages of
 * one name in several versions go to separate trees. When the install fails, each package is
 * installed alone, so each failure is its own package's. A pinned version installed by an earlier
 * run is not asked of the registry again, from a tree whose packages this run all wants; a range
 * or a tag is resolved afresh, as npx would. Only npm writes the trees (and mcp-lint its marker);
 * servers see them read-only. Within a run the packages share a tree, so a server's PATH holds the
 * bins of the others as well as of its own dependencies.
 */
export async function fetchTrees(
  specs: readonly TreeSpec[],
  root: string,
  limits: { readonly timeoutMs: number; readonly concurrency: number },
  progress: (line: string) => void
): Promise<Map<string, TreeFetch>> {
  const results = new Map<string, TreeFetch>()
  if (specs.length === 0) return results
  const trees = join(root, 'trees')
  mkdirSync(trees, { recursive: true, mode: 0o700 })
  const wantedSpecs = new Set(specs.map((wanted) => wanted.spec))
  const earlier = earlierTrees(trees, wantedSpecs)
  const todo: TreeSpec[] = []
  for (const wanted of new Map(specs.map((spec) => [spec.spec, spec])).values()) {
    const tree = isPinned(wanted.spec) ? earlier.get(wanted.spec) : undefined
    if (tree !== undefined && existsSync(join(tree, 'node_modules', wanted.name, 'package.json')))
      results.set(wanted.spec, { ok: true, tree, fetchedBefore: true })
    else todo.push(wanted)
  }
  const install = async (group: readonly TreeSpec[]): Promise<void> => {
    const names = group.map((wanted) => wanted.spec).sort()
    const tree = join(
      trees,
      createHash('sha256').update(names.join('\n')).digest('hex').slice(0, 16)
    )
    mkdirSync(tree, { recursive: true, mode: 0o700 })
    progress(`fetching ${names.map((name) => sanitize(name, 100)).join(', ')}`)
    const failure = await runNpm(
      ['install', '--no-save', '--no-package-lock', '--ignore-scripts', '--', ...names],
      tree,
      join(root, 'npm'),
      limits.timeoutMs
    )
    if (failure === undefined) {
      writeFileSync(join(tree, MARKER), `${JSON.stringify(names)}\n`)
      for (const wanted of group) results.set(wanted.spec, { ok: true, tree, fetchedBefore: false })
    } else if (group.length > 1)
      await mapPool(group, limits.concurrency, (wanted) => install([wanted]))
    else
      for (const wanted of group)
        results.set(wanted.spec, {
          ok: false,
          detail: `npm could not fetch ${sanitize(wanted.spec, 100)}: ${failure}`
        })
  }
  await Promise.all(groupsOf(todo).map(install))
  return results
}

/**
 * Each spec an earlier run installed, with its tree, from trees holding nothing but specs this run
 * wants: a tree shared with another repository's packages (the user cache serves every repository)
 * could hold a package whose bin named `node` comes first on the PATH of every server in it.
 */
function earlierTrees(trees: string, wanted: ReadonlySet<string>): Map<string, string> {
  const found = new Map<string, string>()
  for (const id of readdirSync(trees)) {
    try {
      const specs = JSON.parse(readFileSync(join(trees, id, MARKER), 'utf8')) as unknown
      if (
        Array.isArray(specs) &&
        specs.every((spec) => typeof spec === 'string' && wanted.has(spec))
      )
        for (const spec of specs) if (typeof spec === 'string') found.set(spec, join(trees, id))
    } catch {
      // Not installed to the end: installed again when needed.
    }
  }
  return found
}

/** As few groups as can be, none holding two versions of one package. */
function groupsOf(specs: readonly TreeSpec[]): TreeSpec[][] {
  const groups: TreeSpec[][] = []
  for (const wanted of specs) {
    const group = groups.find((members) => members.every((member) => member.name !== wanted.name))
    if (group === undefined) groups.push([wanted])
    else group.push(wanted)
  }
  return groups
}
