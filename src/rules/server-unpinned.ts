import type { Fix } from '../model/diagnostic.js'
import { replaceAt, writeString } from '../model/fix.js'
import {
  isExactVersion,
  packageName,
  packageOf,
  packageVersion,
  type PackageRef
} from '../model/launcher.js'
import type { AnyConfigFile, ServerEntry, Workspace } from '../model/workspace.js'
import { quote } from '../util/quote.js'
import type { Location } from '../model/location.js'
import { ownEntries } from '../canonical/surface.js'
import { resolvePath } from '../model/tree.js'
import type { FieldPath } from '../canonical/canonical.js'
import { locateField } from '../source/locate.js'
import { normalizeEntry } from '../canonical/normalize.js'
import { defineRule } from './rule.js'

const launchers: Readonly<Record<PackageRef['manager'], string>> = {
  npm: 'the npm package',
  uv: 'the Python package',
  pipx: 'the Python package',
  docker: 'the image'
}

type Verdict =
  | { readonly kind: 'pinned' }
  | { readonly kind: 'noVersion' | 'floating' | 'gitRef' | 'imageTag'; readonly advice: string }

export default defineRule({
  id: 'server-unpinned',
  phase: 'workspace',
  severity: 'warning',
  docs: {
    description: 'Require launched packages and images to be pinned to one version',
    rationale:
      '`npx -y some-mcp` fetches whatever release is newest each time a client starts the server: a ' +
      'compromised or careless release reaches every developer at once, the tools the model sees can ' +
      'change overnight, and the lockfile pins nothing. The same holds for `@latest` and ranges, `uvx pkg` ' +
      'without `==`, `pipx run`, git dependencies without a commit, and container images by tag instead of ' +
      'digest. Local paths are not reported, nor `npx <package>` without a version when the package is a ' +
      "dependency in the repository's package.json (npx then runs the locked copy in node_modules). The " +
      'finding is on the central source entry when the server is defined there.',
    examples: {
      invalid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"] },\n    "fetch": { "command": "uvx", "args": ["mcp-server-fetch"] },\n    "grafana": { "command": "docker", "args": ["run", "-i", "--rm", "mcp/grafana:latest"] }\n  }\n}\n'
        }
      ],
      valid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"] },\n    "fetch": { "command": "uvx", "args": ["mcp-server-fetch==2025.4.7"] },\n    "local": { "command": "node", "args": ["./tools/mcp-server.js"] }\n  }\n}\n'
        }
      ]
    }
  },
  messages: {
    noVersion: (d: Unpinned) =>
      `${d.what} ${quote(d.spec)} has no version, so each start may run a different release: ${d.advice}${d.elsewhere}`,
    floating: (d: Unpinned) =>
      `${d.what} ${quote(d.spec)} names a moving version, so each start may run a different release: ${d.advice}${d.elsewhere}`,
    gitRef: (d: Unpinned) =>
      `${d.what} ${quote(d.spec)} comes from git without a commit: ${d.advice}${d.elsewhere}`,
    imageTag: (d: Unpinned) =>
      `${d.what} ${quote(d.spec)} is pinned by tag, which can be moved: ${d.advice}${d.elsewhere}`
  },
  check({ workspace, report }) {
    // One finding per server and package: the same server in five client files is one fix to make,
    // reported where it is first defined and naming the other files.
    const found = new Map<
      string,
      {
        at: Location
        fix: Fix | undefined
        kind: Exclude<Verdict['kind'], 'pinned'>
        data: Unpinned
        server: string
        files: string[]
      }
    >()
    for (const { file, entry } of ownEntries(workspace)) {
      const server = normalizeEntry(file.platform, entry)
      if (server.transport !== 'stdio' || server.command === undefined) continue
      const args = server.args.map((arg) => arg.value)
      const ref = packageOf(server.command.value, args)
      // A reference or a template's `<your-server>` is filled in by whoever copies the file.
      if (ref === undefined || ref.spec.includes('${') || /^<.*>$/.test(ref.spec)) continue
      const verdict = judge(ref)
      if (verdict.kind === 'pinned') continue
      // npx runs a dependency of the project from node_modules, pinned by the project's lockfile.
      if (
        ref.manager === 'npm' &&
        verdict.kind === 'noVersion' &&
        workspace.projectPackages?.has(packageName(ref.spec)) === true
      )
        continue
      const key = `${entry.name.value}\u0000${ref.spec}`
      const seen = found.get(key)
      if (seen !== undefined) {
        if (!seen.files.includes(file.path)) seen.files.push(file.path)
        continue
      }
      found.set(key, {
        at: locateField(entry, server.args[ref.index]?.path, false),
        fix: pinFix(
          file,
          entry,
          server.args[ref.index]?.path,
          ref,
          lockedVersion(workspace, entry.name.value, ref)
        ),
        kind: verdict.kind,
        data: {
          what: launchers[ref.manager],
          spec: ref.spec,
          advice: verdict.advice,
          elsewhere: ''
        },
        server: entry.name.value,
        files: [file.path]
      })
    }
    for (const { at, fix, kind, data, server, files } of found.values()) {
      const others = files.slice(1)
      const elsewhere = others.length === 0 ? '' : ` (the same in ${others.join(', ')})`
      report(kind, at, { ...data, elsewhere }, fix === undefined ? { server } : { server, fix })
    }
  }
})

interface Unpinned {
  readonly what: string
  readonly spec: string
  readonly advice: string
  /** The other files that run the same server the same way, or nothing. */
  readonly elsewhere: string
}

function judge(ref: PackageRef): Verdict {
  switch (ref.manager) {
    case 'npm':
      return judgeNpm(ref.spec)
    case 'uv':
    case 'pipx':
      return judgePython(ref.spec)
    case 'docker':
      return judgeImage(ref.spec)
  }
}

function isLocal(spec: string): boolean {
  return (
    /^(\.|\/|~|file:|[A-Za-z]:[\\/])/.test(spec) || /^https?:\/\/.*\.(tgz|tar\.gz|whl)$/.test(spec)
  )
}

function judgeNpm(spec: string): Verdict {
  if (isLocal(spec)) return { kind: 'pinned' }
  if (
    /^(git\+|git:|github:|gitlab:|bitbucket:)/.test(spec) ||
    /^[\w.-]+\/[\w.-]+(#.*)?$/.test(spec)
  )
    return /#[0-9a-f]{40}$/i.test(spec)
      ? { kind: 'pinned' }
      : { kind: 'gitRef', advice: 'add "#<full commit sha>", or use a published version' }
  const name = packageName(spec)
  const version = packageVersion(spec)
  const advice = `pin an exact version ("${name}@1.2.3")`
  if (version === undefined || version === '') return { kind: 'noVersion', advice }
  return isExactVersion(version) ? { kind: 'pinned' } : { kind: 'floating', advice }
}

function judgePython(spec: string): Verdict {
  if (isLocal(spec)) return { kind: 'pinned' }
  if (spec.startsWith('git+'))
    return /@[0-9a-f]{40}$/i.test(spec)
      ? { kind: 'pinned' }
      : { kind: 'gitRef', advice: 'add "@<full commit sha>", or use a published version' }
  const name = spec.split(/[=<>~!@[;\s]/)[0] ?? spec
  const advice = `pin an exact version ("${name}==1.2.3")`
  const exact = /^[^=<>~!@]+(?:\[[^\]]*\])?(?:==|@)([^=<>~!*,;\s]+)$/.exec(spec)
  if (exact?.[1] !== undefined)
    return exact[1] === 'latest' ? { kind: 'floating', advice } : { kind: 'pinned' }
  return /[=<>~!@]/.test(spec) ? { kind: 'floating', advice } : { kind: 'noVersion', advice }
}

function judgeImage(spec: string): Verdict {
  if (spec.includes('@sha256:')) return { kind: 'pinned' }
  const name = spec.replace(/:[^/:]*$/, '')
  const advice = `pin the digest ("${name}@sha256:…"; docker buildx imagetools inspect shows it)`
  const tag = /:([^/:]*)$/.exec(spec)?.[1]
  return { kind: tag === undefined || tag === 'latest' ? 'floating' : 'imageTag', advice }
}

/**
 * The version that ran, from the lockfile (mcp-lint lock records the package version each server
 * started with) or from this run's enumeration: pinning to it changes nothing that runs today.
 */
function lockedVersion(workspace: Workspace, server: string, ref: PackageRef): string | undefined {
  const name = packageName(ref.spec)
  const locked = workspace.lockfile?.lockfile.servers[server]?.package
  if (locked?.name === name && locked.version !== undefined) return locked.version
  const ran = workspace.tools?.entries.find(
    (entry) => entry.name === server && entry.package?.name === name
  )?.package?.version
  return ran
}

/** `pkg@1.2.3` (npm) or `pkg==1.2.3` (uv, pipx) in place of the unpinned spec; images need a digest, which only the registry knows. */
function pinFix(
  file: AnyConfigFile,
  entry: ServerEntry,
  path: FieldPath | undefined,
  ref: PackageRef,
  version: string | undefined
): Fix | undefined {
  if (version === undefined || path === undefined || ref.manager === 'docker') return undefined
  if (!isExactVersion(version) && ref.manager === 'npm') return undefined
  const node = resolvePath(entry.value, path)
  if (node?.kind !== 'string' || node.value !== ref.spec || file.source === undefined)
    return undefined
  // A Python spec keeps its extras: `pkg[cli]` becomes `pkg[cli]==1.2.3`.
  const name =
    ref.manager === 'npm'
      ? packageName(ref.spec)
      : (/^[^=<>~!@;\s]+/.exec(ref.spec)?.[0] ?? ref.spec)
  const pinned = ref.manager === 'npm' ? `${name}@${version}` : `${name}==${version}`
  const previous = file.source.text.slice(
    node.location.offset,
    node.location.offset + node.location.length
  )
  return {
    description: `pin "${pinned}", the version the lockfile records`,
    edits: [replaceAt(node.location, writeString(file.platform.format, pinned, previous))]
  }
}
