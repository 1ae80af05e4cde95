import { getOrCompute } from '../util/memo.js'
import type { Dialect } from '../platforms/platform.js'
import { item, type CanonicalServer, type Item } from './canonical.js'
import type { MeaningOf } from './compare.js'

const WINDOWS_DRIVE_PATH = /^[A-Za-z]:[\\/]/

/*
 * Paths relative to the project, read and written per platform. The central source writes them
 * `.`, `./x` or `../x`; a platform writes them so, or from its workspace variable
 * (`${workspaceFolder}/x`), depending on where it starts servers.
 */

/**
 * Whether the platform starts servers outside the project (Cursor: the home directory), so a
 * relative path there is not the project's.
 */
function startsOutsideProject(platform: Dialect): boolean {
  return platform.launch.cwd === 'home' || platform.launch.cwd === 'client-process'
}

/** The platform's variables for the project folder, in canonical text: `$${workspaceFolder}`. */
function projectVariables(platform: Dialect): string[] {
  return Object.entries(platform.launch.variables)
    .filter(([, meaning]) => meaning === 'workspaceFolder')
    .map(([name]) => `$\${${name}}`)
}

/**
 * Paths under the project, however the platform lets them be written: from its workspace variable
 * (VS Code's and Cursor's `${workspaceFolder}/tools/server.mjs`), with `./`, or relative as Claude
 * Code, Gemini CLI and Codex read them. All name the same file, so none is drift. Only a path with
 * a folder in it is relative on its own: a bare word is a program on PATH or an npm package, and
 * `./my-server` or `${workspaceFolder}/mcp` is not the same as `my-server` or `mcp`.
 */
export function projectPathMeaning(platform: Dialect): MeaningOf {
  const relative = projectRelative(platform)
  // Where servers start outside the project, `./x` is relative to that place; while that fact is
  // unconfirmed (Cursor's, Roo's), a relative path is taken as meant for the project.
  const strict = startsOutsideProject(platform) && platform.launch.certainty.cwd === 'confirmed'
  return (value) => {
    // Windows reads `C:\x\y` and `C:/x/y` as one path, in any case.
    if (WINDOWS_DRIVE_PATH.test(value)) return value.replaceAll('\\', '/').toLowerCase()
    const path = relative(value)
    if (strict && path === value) return value
    if (!path.startsWith('./')) return path
    const rest = path.replace(/^(?:\.\/)+/, '')
    if (rest === '') return path
    return rest.includes('/') ? rest : `./${rest}`
  }
}

/**
 * A value from the platform's workspace variable as a path relative to the project, as the
 * central source writes it: `${workspaceFolder}` is `.`, `${workspaceFolder}/x` is `./x`.
 */
export function projectRelative(platform: Dialect): MeaningOf {
  const roots = projectVariables(platform)
  return (value) => {
    if (roots.includes(value)) return '.'
    const root = roots.find((prefix) => value.startsWith(`${prefix}/`))
    return root === undefined ? value : `./${value.slice(root.length + 1)}`
  }
}

/** A server with every path from the workspace variable made relative to the project. */
export function relativeToProject(platform: Dialect, server: CanonicalServer): CanonicalServer {
  const relative = projectRelative(platform)
  const map = (value: Item<string>) => item(relative(value.value), value.path)
  return {
    ...server,
    command: server.command && map(server.command),
    args: server.args.map(map),
    env: new Map([...server.env].map(([key, value]) => [key, map(value)])),
    cwd: server.cwd && map(server.cwd)
  }
}

/** One writer per platform: every entry rendered for the platform uses it. */
const writers = new WeakMap<Dialect, (value: string) => string | undefined>()

/**
 * How a platform is given a path relative to the project (`.`, `./x`, `../x`, as the source writes
 * them): as it is where servers start in the project, from the platform's workspace variable where
 * they start elsewhere (Cursor: the home directory), undefined where there is no such variable
 * (Claude Desktop). Other values pass through.
 */
export function projectPathWriter(platform: Dialect): (value: string) => string | undefined {
  return getOrCompute(writers, platform, () => {
    const elsewhere = startsOutsideProject(platform)
    const root = projectVariables(platform)[0]
    return (value) => {
      if (!elsewhere || !(value === '.' || value.startsWith('./') || value.startsWith('../')))
        return value
      if (root === undefined) return undefined
      return value === '.' ? root : `${root}/${value.replace(/^\.\//, '')}`
    }
  })
}
