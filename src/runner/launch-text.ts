import { basename, sep } from 'node:path'
import { findReferences, type Reference } from '../model/interpolation.js'
import type { Dialect, LaunchSemantics, LaunchValue } from '../platforms/platform.js'
import { parseCanonical } from '../canonical/references.js'

/** What a reference becomes in a sandboxed server: never the runner's value. */
export const PLACEHOLDER = 'mcp-lint-placeholder'

/** Where the platform's path variables point in the sandbox. */
export interface LaunchPaths {
  /** The repository root, which the sandbox mounts at its own path. */
  readonly workspace: string
  /** The HOME the server gets. */
  readonly home: string
}

/** The server fields a launch is made of. */
export type LaunchField = 'command' | 'args' | 'cwd' | 'env'

/** A configured string as the platform hands it to the server. */
export interface LaunchText {
  /** What the server gets. */
  readonly value: string
  /**
   * The same with path variables and `~` as the config writes them: the lockfile and messages
   * must not depend on where the repository is checked out.
   */
  readonly written: string
  /** What was given the placeholder: variable names, and `input:id` for prompted values. */
  readonly placeholders: readonly string[]
}

/**
 * A canonical string as the platform expands it before it starts the server, in the sandbox:
 * environment references and prompted values become the placeholder, the platform's path variables
 * the sandbox's paths, and anything else stays as the platform leaves it.
 */
export function expandLaunchText(
  text: string,
  field: LaunchField,
  platform: Dialect,
  paths: LaunchPaths
): LaunchText {
  const { fields } = platform.interpolation
  const expands = fields === 'all' || fields.includes(field)
  const placeholders: string[] = []
  let value = ''
  let written = ''
  for (const segment of parseCanonical(text)) {
    if (segment.name !== undefined) {
      if (segment.fallback === undefined) placeholders.push(segment.name)
      value += segment.fallback ?? PLACEHOLDER
      written += segment.fallback ?? PLACEHOLDER
    } else if (expands) {
      const literal = expandVariables(segment.text, platform.launch, paths)
      value += literal.value
      written += literal.written
      placeholders.push(...literal.placeholders)
    } else {
      value += segment.text
      written += segment.text
    }
  }
  // VS Code expands `~` after the variables, in everything but the environment (untildify).
  if (platform.launch.tilde && field !== 'env' && /^~(?=$|[/\\])/.test(value))
    value = paths.home + value.slice(1)
  return { value, written, placeholders }
}

/** Literal text with the platform's path variables and prompted values replaced. */
function expandVariables(text: string, launch: LaunchSemantics, paths: LaunchPaths): LaunchText {
  const placeholders: string[] = []
  let value = ''
  let written = ''
  let last = 0
  for (const reference of findReferences(text)) {
    const meaning = variableOf(reference, launch)
    const prompted = isPrompted(reference, launch)
    if (meaning === undefined && !prompted) continue
    const before = text.slice(last, reference.start)
    value += before + (meaning === undefined ? PLACEHOLDER : pathOf(meaning, paths))
    written += before + (meaning === undefined ? PLACEHOLDER : reference.text)
    if (prompted) placeholders.push(reference.text.slice(2, -1))
    last = reference.end
  }
  return { value: value + text.slice(last), written: written + text.slice(last), placeholders }
}

function variableOf(reference: Reference, launch: LaunchSemantics): LaunchValue | undefined {
  if (reference.kind !== 'brace') return undefined
  const name = reference.text.slice(2, -1)
  // Own keys only: `${constructor}` is not a variable.
  return Object.hasOwn(launch.variables, name) ? launch.variables[name] : undefined
}

function isPrompted(reference: Reference, launch: LaunchSemantics): boolean {
  return (
    reference.kind === 'prefixed' &&
    reference.prefix !== undefined &&
    launch.prompted.includes(reference.prefix)
  )
}

function pathOf(meaning: LaunchValue, paths: LaunchPaths): string {
  switch (meaning) {
    case 'workspaceFolder':
      return paths.workspace
    case 'workspaceFolderBasename':
      return basename(paths.workspace)
    case 'userHome':
      return paths.home
    case 'pathSeparator':
      return sep
  }
}
