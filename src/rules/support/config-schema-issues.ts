import type { AnyConfigFile } from '../../model/workspace.js'
import { formatPath, type ValueNode } from '../../model/tree.js'
import { schemaIssues, serverAtPath, type SchemaIssue } from '../../parse/schema.js'
import { platformsUsingKey } from '../../platforms/index.js'

/** The file's schema issues that config-schema reports, in the validator's order. */
export function reportedIssues(file: AnyConfigFile): SchemaIssue[] {
  const issues = schemaIssues(file)
  // One "missing field" finding per object: a specific `required` beats the generic `anyOf`.
  const required = new Set(
    issues.filter((i) => i.keyword === 'required').map((i) => i.path.join('/'))
  )
  const missing = new Set<string>()
  return issues.filter((issue) => {
    if (issue.keyword === 'additionalProperties') return false // config-unknown-field
    // The server map, reported from the file's keys.
    if (
      issue.keyword === 'required' &&
      issue.path.length === 0 &&
      file.platform.serversKeys.includes(issue.field ?? '')
    )
      return false
    if (issue.keyword === 'required' || issue.keyword === 'anyOf') {
      const path = issue.path.join('/')
      if (missing.has(path) || (issue.keyword === 'anyOf' && required.has(path))) return false
      missing.add(path)
    }
    return true
  })
}

/** "VS Code", or "Claude Code and 7 other platforms" for the common `mcpServers`. */
export function describeOwners(key: string): string {
  const owners = platformsUsingKey(key).map((platform) => platform.displayName)
  const first = owners.includes('Claude Code') ? 'Claude Code' : (owners[0] ?? 'other platforms')
  return owners.length > 1 ? `${first} and ${owners.length - 1} other platforms` : first
}

export function typeData(
  subject: string,
  issue: SchemaIssue
): { subject: string; expected: string; actual: string } {
  return {
    subject,
    expected: issue.expected.map(article).join(' or '),
    actual: article(issue.actual ?? 'value')
  }
}

const articles: Readonly<Record<string, string>> = {
  array: 'an array',
  object: 'an object',
  integer: 'an integer',
  boolean: 'true or false',
  null: 'null',
  datetime: 'a date'
}

export function article(kind: string): string {
  return articles[kind] ?? `a ${kind}`
}

/** Whether a field pattern (`args/*`) names a path below a server entry. */
export function matchesField(pattern: string, path: readonly string[]): boolean {
  const parts = pattern.split('/')
  return parts.length === path.length && parts.every((part, i) => part === '*' || part === path[i])
}

export function serverOf(file: AnyConfigFile, path: readonly string[]): string | undefined {
  return serverAtPath(file, path)?.server
}

export function describeSubject(
  file: AnyConfigFile,
  root: ValueNode,
  path: readonly string[]
): string {
  const at = serverAtPath(file, path)
  if (at === undefined) return path.length === 0 ? 'the file' : `"${formatPath(root, path)}"`
  const { server, rest } = at
  if (rest.length === 0) return `server "${server}"`
  const serverNode = file.servers.find((entry) => entry.name.value === server)?.value
  return `"${serverNode === undefined ? rest.join('.') : formatPath(serverNode, rest)}" of server "${server}"`
}
