import { plainObject, type PlainObject } from '../model/tree.js'
import { isObject } from '../canonical/normalize.js'
import { platforms } from './clients.js'
import type { Interpolation, LaunchSemantics } from './platform.js'

/** Fields mcp-lint's own source gives a server; anything else is a client-only field. */
const serverFields = [
  'type',
  'command',
  'args',
  'env',
  'cwd',
  'url',
  'headers',
  'description',
  'platforms',
  'overrides'
]

/**
 * rulesync and ruler copy every other field of a source entry into each client file as it is
 * (`disabled`, `alwaysAllow`, `envFile`, …): in mcp-lint's source shape that is an override of
 * each client, so each client file is expected to carry them. A client's own override wins.
 */
export function passThrough(common: PlainObject): PlainObject {
  const extras = Object.entries(common).filter(([key]) => !serverFields.includes(key))
  if (extras.length === 0) return common
  const result = plainObject()
  for (const [key, value] of Object.entries(common))
    if (serverFields.includes(key)) result[key] = value
  const overrides = plainObject()
  const current = common.overrides
  for (const platform of platforms) {
    const own = isObject(current) ? current[platform.id] : undefined
    overrides[platform.id] = { ...Object.fromEntries(extras), ...(isObject(own) ? own : {}) }
  }
  result.overrides = overrides
  return result
}

/**
 * How a generator's source is read: `${VAR}` copied into each client file as written, editor
 * variables (VS Code's) included, for the client files to expand.
 */
export const generatorInterpolation: Interpolation = {
  certainty: 'confirmed',
  syntaxes: ['brace', 'brace-default'],
  prefixes: [],
  variables: ['workspaceFolder', 'workspaceFolderBasename', 'userHome', '/'],
  fields: 'all',
  preferred: 'brace'
}

/** A generator's servers start wherever each client starts them: relative to the repository. */
export function generatorLaunch(source: string, verified: string): LaunchSemantics {
  return {
    variables: {},
    prompted: [],
    tilde: false,
    cwd: 'workspace',
    certainty: { variables: 'confirmed', cwd: 'confirmed' },
    source,
    verified
  }
}
