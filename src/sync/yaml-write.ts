import { parseDocument, stringify } from 'yaml'
import type { PlainObject } from '../model/tree.js'

/** Servers as a YAML list, each entry named by `nameKey` first. */
function serverList(servers: ReadonlyMap<string, PlainObject>, nameKey: string): PlainObject[] {
  return [...servers].map(([name, server]) => ({ [nameKey]: name, ...server }))
}

/**
 * A new Continue-style block file: the `name` and `version` every block needs, then the servers.
 */
export function newYamlFile(
  key: string,
  servers: ReadonlyMap<string, PlainObject>,
  nameKey: string
): string {
  return stringify({
    name: 'MCP servers',
    version: '0.0.1',
    schema: 'v1',
    [key]: serverList(servers, nameKey)
  })
}

/**
 * Replaces the server list of a YAML file, keeping the rest of the document (other keys, their
 * comments) as the yaml library writes it back; undefined when the document cannot be written
 * back without the list (an alias elsewhere into it).
 */
export function replaceYamlServers(
  text: string,
  key: string,
  servers: ReadonlyMap<string, PlainObject>,
  nameKey: string
): string | undefined {
  const document = parseDocument(text, { uniqueKeys: false })
  document.set(key, document.createNode(serverList(servers, nameKey)))
  try {
    return document.toString()
  } catch {
    return undefined
  }
}
