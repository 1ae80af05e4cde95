import type { AnyConfigFile } from '../model/workspace.js'
import { splitCommandLine } from '../parse/command-line.js'
import { listedName } from '../parse/load.js'
import { entryIssueRejectsFile, serverAtPath } from '../parse/schema.js'
import { startOf } from '../model/location.js'
import { forEachObject, resolvePath, type StringNode } from '../model/tree.js'
import { platformsUsingKey } from '../platforms/index.js'
import {
  article,
  describeOwners,
  describeSubject,
  matchesField,
  reportedIssues,
  serverOf,
  typeData
} from './support/config-schema-issues.js'
import { defineRule, type Report } from './rule.js'

const messages = {
  missingServers: (d: { key: string; platform: string }) =>
    `no "${d.key}" key: ${d.platform} finds no servers in this file`,
  wrongServersKey: (d: { found: string; owners: string; key: string; platform: string }) =>
    `"${d.found}" is the server key of ${d.owners}; ${d.platform} reads "${d.key}"`,
  ignoredServersKey: (d: { found: string; owners: string; key: string; platform: string }) =>
    `"${d.found}" is the server key of ${d.owners}; ${d.platform} reads only "${d.key}" and ignores these`,
  notObject: (d: { actual: string }) => `the file must hold an object, not ${d.actual}`,
  required: (d: { subject: string; field: string }) => `${d.subject} is missing "${d.field}"`,
  hint: (d: { subject: string; hint: string }) => `${d.subject}: ${d.hint}`,
  // `then`: what the platform does with the whole file for one broken entry, or ''.
  type: (d: { subject: string; expected: string; actual: string; then: string }) =>
    `${d.subject} must be ${d.expected}, not ${d.actual}${d.then}`,
  enum: (d: { subject: string; allowed: string; then: string }) =>
    `${d.subject} must be one of ${d.allowed}${d.then}`,
  invalid: (d: { subject: string; detail: string; then: string }) =>
    `${d.subject} ${d.detail}${d.then}`,
  tolerated: (d: { subject: string; expected: string; actual: string; consequence: string }) =>
    `${d.subject} should be ${d.expected}, not ${d.actual}: ${d.consequence}`,
  unread: (d: { message: string }) => d.message,
  commandOperator: (d: { setting: string; construct: string; consequence: string }) =>
    `"${d.setting}" holds ${d.construct}, which the client does not run in a shell: ${d.consequence}`,
  sameName: (d: {
    server: string
    other: string
    line: number
    column: number
    consequence: string
  }) =>
    d.server === d.other
      ? `server name "${d.server}" is already used at ${d.line}:${d.column}: ${d.consequence}`
      : `server name "${d.server}" is the same as "${d.other}" at ${d.line}:${d.column} once the client normalises names: ${d.consequence}`,
  unsafeKey: (d: { key: string }) =>
    `key "${d.key}" can replace the object prototype in tools that merge configs: rename it`
}

export default defineRule({
  id: 'config-schema',
  phase: 'file',
  severity: 'error',
  docs: {
    description: "Require every config file to match its platform's format",
    rationale:
      "Each platform reads its own shape: the server map's key (`mcpServers`, VS Code's `servers`, Codex's " +
      "`mcp_servers`, Zed's `context_servers`), the fields of a local and a remote server, and their types. A server " +
      'that does not match is skipped or breaks the whole file, often silently: Claude Code rejects a `url` without ' +
      '`type`, Codex rejects an inline `bearer_token`, Cursor sees no servers under `servers`, and Gemini CLI ' +
      'starts no server at all when its legacy `mcp.serverCommand` holds a pipe (it is split into words, not run ' +
      'in a shell). ' +
      'The schemas are published in `schemas/` for editors. Keys named `__proto__` are refused too: JavaScript tools ' +
      'that merge configs can turn them into prototype pollution.',
    examples: {
      invalid: [
        {
          path: '.cursor/mcp.json',
          text: '{\n  "servers": {\n    "memory": { "command": "npx" }\n  }\n}\n'
        },
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "docs": { "url": "https://example.com/mcp" }\n  }\n}\n'
        }
      ],
      valid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "docs": { "type": "http", "url": "https://example.com/mcp" }\n  }\n}\n'
        }
      ]
    }
  },
  messages,
  check({ file, report }) {
    const root = file.root
    if (root === undefined) return
    const unread = file.platform.unreadPaths?.[file.path]
    if (unread !== undefined)
      report('unread', file.serversProperty?.key.location ?? startOf(root.location), {
        message: unread.message
      })
    if (root.kind !== 'object') {
      report('notObject', root.location, { actual: article(root.kind) })
      return
    }
    const platform = file.platform.displayName
    const serverMap = file.serversProperty?.value
    const key = file.platform.serversKeys[0]
    // A key the file's own schema declares (Gemini CLI's "mcp" settings) is not another
    // platform's server map, whoever else uses the name.
    const declared = file.platform.schema.properties as
      Readonly<Record<string, unknown>> | undefined
    const foreign = root.properties.filter(
      (property) =>
        !file.platform.serversKeys.includes(property.key.value) &&
        declared?.[property.key.value] === undefined &&
        platformsUsingKey(property.key.value).length > 0
    )
    for (const property of foreign) {
      const data = {
        found: property.key.value,
        owners: describeOwners(property.key.value),
        key,
        platform
      }
      if (file.serversProperty !== undefined)
        report('ignoredServersKey', property.key.location, data)
      else if (file.platform.dedicated) report('wrongServersKey', property.key.location, data)
    }
    if (file.serversProperty === undefined && foreign.length === 0 && file.platform.dedicated) {
      report('missingServers', startOf(root.location), { key, platform })
    }
    for (const issue of reportedIssues(file)) {
      const subject = describeSubject(file, root, issue.path)
      const server = serverOf(file, issue.path)
      const options = server === undefined ? {} : { server }
      const invalidEntry = file.platform.invalidEntry
      const then =
        server !== undefined &&
        invalidEntry !== undefined &&
        entryIssueRejectsFile(file.platform, issue)
          ? `; ${invalidEntry.consequence}`
          : ''
      const tolerated = file.platform.toleratedTypes
      const serverArray = file.platform.serverArray
      if (
        serverArray !== undefined &&
        issue.keyword === 'type' &&
        issue.actual === 'array' &&
        issue.path.length === 1 &&
        issue.path[0] === file.serversProperty?.key.value
      ) {
        report(
          'tolerated',
          issue.location,
          { ...typeData(subject, issue), consequence: serverArray.consequence },
          { milder: 1 }
        )
      } else if (
        tolerated !== undefined &&
        server !== undefined &&
        (issue.keyword === 'type' || issue.keyword === 'enum') &&
        tolerated.fields.some((field) =>
          matchesField(field, serverAtPath(file, issue.path)?.rest ?? [])
        )
      ) {
        const data = typeData(subject, issue)
        report(
          'tolerated',
          issue.location,
          {
            ...data,
            expected:
              issue.keyword === 'enum'
                ? `one of ${issue.expected.map((value) => `"${value}"`).join(', ')}`
                : data.expected,
            actual: issue.keyword === 'enum' ? 'another value' : data.actual,
            consequence: tolerated.consequence
          },
          { ...options, milder: 1 }
        )
      } else if (issue.keyword === 'propertyNames' && issue.field !== undefined) {
        report(
          'hint',
          issue.location,
          {
            subject:
              issue.path.length === 1 && file.platform.serversKeys.includes(issue.path[0] ?? '')
                ? `server name "${issue.field}"`
                : `key "${issue.field}" of ${subject}`,
            hint: issue.hint ?? 'is not allowed'
          },
          options
        )
      } else if (issue.hint !== undefined)
        report('hint', issue.location, { subject, hint: issue.hint }, options)
      else if (issue.keyword === 'required' && issue.field !== undefined)
        report('required', issue.location, { subject, field: issue.field }, options)
      else if (issue.keyword === 'type')
        report('type', issue.location, { ...typeData(subject, issue), then }, options)
      else if (issue.keyword === 'enum') {
        report(
          'enum',
          issue.location,
          { subject, allowed: issue.expected.map((value) => `"${value}"`).join(', '), then },
          options
        )
      } else report('invalid', issue.location, { subject, detail: issue.detail, then }, options)
    }
    const setting = file.platform.commandSetting
    const line = setting === undefined ? undefined : resolvePath(root, setting.path)
    if (setting !== undefined && line?.kind === 'string') {
      const split = splitCommandLine(line.value)
      if ('construct' in split)
        report('commandOperator', line.location, {
          setting: setting.path.join('.'),
          construct: split.construct,
          consequence: setting.consequence
        })
    }
    checkUniqueNames(file, report)
    const reserved = file.platform.reservedServerNames?.names ?? defaultReservedServerNames
    forEachObject(root, (owner) => {
      for (const property of owner.properties) {
        const name = property.key.value
        if (name === '__proto__' || (owner === serverMap && reserved.includes(name)))
          report('unsafeKey', property.key.location, { key: name })
      }
    })
  }
})

/** A server list whose client refuses two entries of one (normalised) name: Mistral Vibe. */
function checkUniqueNames(file: AnyConfigFile, report: Report<typeof messages>): void {
  const list = file.platform.serverList
  const items = file.serversProperty?.value
  if (list?.unique === undefined || items?.kind !== 'array') return
  const seen = new Map<string, StringNode>()
  for (const item of items.items) {
    const name = listedName(item, list.nameKey)
    if (name === undefined) continue
    const key = list.unique.key(name.value)
    const first = seen.get(key)
    if (first === undefined) {
      seen.set(key, name)
      continue
    }
    const { line, column } = first.location.range.start
    report(
      'sameName',
      name.location,
      {
        server: name.value,
        other: first.value,
        line,
        column,
        consequence: list.unique.consequence
      },
      { server: name.value, ...(list.unique.refuses === 'entry' ? { milder: 1 as const } : {}) }
    )
  }
}

/** Server names that break JavaScript clients keeping servers in plain objects. */
const defaultReservedServerNames: readonly string[] = ['constructor', 'prototype']
