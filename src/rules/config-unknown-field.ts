import { replaceAt, writeKey } from '../model/fix.js'
import type { ServerEntry } from '../model/workspace.js'
import { schemaIssues, serverAtPath } from '../parse/schema.js'
import { closest } from '../util/suggest.js'
import { platforms } from '../platforms/clients.js'
import { everyTypeSpelling, type Dialect } from '../platforms/platform.js'
import { serverFieldNames } from '../platforms/schema-parts.js'
import { defineRule } from './rule.js'

function findEntry(servers: readonly ServerEntry[], name: string): ServerEntry | undefined {
  return servers.find((entry) => entry.name.value === name)
}

/** Keys people use as comments in strict JSON; flagging them would only be noise. */
function isCommentKey(key: string): boolean {
  return key.startsWith('_') || key.startsWith('//') || key === '$comment'
}

/**
 * Server fields some client acts on. Labels no client acts on (`description`, `name`, `title`)
 * are left out: written where they are ignored, they are notes for people, as they are everywhere.
 */
const ACTED_ON = new Set(
  platforms
    .flatMap((platform) => [...serverFieldNames(platform.schema, platform.serversKeys[0])])
    .filter((field) => !['description', 'name', 'title', 'version'].includes(field))
)

/** What another client's enablement key means when set to the default: `enabled: true`, `disabled: false`. */
const ENABLED_BY_DEFAULT = new Map(
  platforms.flatMap((platform) =>
    [platform.translation.disabled, platform.translation.disabledToo].flatMap((marker) =>
      marker === undefined ? [] : [[marker.key, !marker.whenDisabled] as const]
    )
  )
)

/** A field another client reads as "enabled", set to what every client does anyway. */
function asksForDefault(field: string, entry: ServerEntry | undefined): boolean {
  const value = entry?.fields.get(field)?.value
  return value?.kind === 'boolean' && ENABLED_BY_DEFAULT.get(field) === value.value
}

/**
 * Names people give the common fields that no client reads: a server with its args under
 * `arguments` starts with none. Each is reported with the field meant, like a typo.
 */
const SYNONYMS: Readonly<Record<string, string>> = {
  arguments: 'args',
  argv: 'args',
  environment: 'env',
  environmentVariables: 'env',
  envVars: 'env',
  workingDirectory: 'cwd',
  working_directory: 'cwd',
  workingDir: 'cwd',
  working_dir: 'cwd',
  workdir: 'cwd',
  endpoint: 'url',
  serverURL: 'url'
}

/** The known field a name means: a close spelling, or a synonym the platform reads. */
function meantField(field: string, known: readonly string[]): string | undefined {
  const synonym = SYNONYMS[field]
  if (synonym !== undefined && known.includes(synonym)) return synonym
  return closest(field, known)
}

/**
 * Whether an ignored field changes nothing a user would want changed: a note no client reads
 * (`docs`, `metadata`, `install`) that is no typo of a field here, or a `type` that says what the
 * entry's command or URL already says. Reporting those would be noise on every server.
 */
function isHarmless(
  field: string,
  guess: string | undefined,
  platform: Dialect,
  entry: ServerEntry | undefined
): boolean {
  if (!ACTED_ON.has(field)) return guess === undefined
  if (field !== 'type' || entry === undefined) return false
  const type = entry.fields.get('type')?.value
  const said = type?.kind === 'string' ? everyTypeSpelling[type.value] : undefined
  const urlKey = Object.keys(platform.translation.urlKeys).find((key) => entry.fields.has(key))
  const implied = entry.fields.has('command')
    ? 'stdio'
    : urlKey === undefined
      ? undefined
      : platform.translation.urlKeys[urlKey]
  return said !== undefined && said === implied
}

export default defineRule({
  id: 'config-unknown-field',
  phase: 'file',
  severity: 'warning',
  docs: {
    description: 'Disallow server fields the platform does not read',
    rationale:
      'Platforms ignore fields they do not know, silently: `cwd` in Claude Code, `enabled` and `timeout` in ' +
      'Antigravity, `type` in Codex, `disabled` in Gemini CLI. The setting looks applied and is not, or a typo ' +
      '(`arg` for `args`) drops a value. Not reported, since nobody would change them: keys starting with ' +
      '`_` or `//`, notes no client acts on (`description`, `docs`, `metadata`) unless they look like a typo of a ' +
      "field the platform reads, a `type` that says what the entry's command or URL already says, and " +
      '`enabled: true` or `disabled: false`, which ask for what every client does anyway.',
    examples: {
      invalid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "app": { "command": "node", "args": ["server.js"], "cwd": "tools" }\n  }\n}\n'
        }
      ],
      valid: [
        {
          path: '.gemini/settings.json',
          text: '{\n  "mcpServers": {\n    "app": { "command": "node", "args": ["server.js"], "cwd": "tools" }\n  }\n}\n'
        }
      ]
    }
  },
  messages: {
    unknown: (d: { field: string; platform: string; guess: string | undefined }) =>
      `${d.platform} does not read "${d.field}"; it is ignored${d.guess === undefined ? '' : ` (did you mean "${d.guess}"?)`}`,
    ignored: (d: { reason: string }) => d.reason
  },
  check({ file, report }) {
    const platform = file.platform
    // A file the client never reads is reported once, by config-schema; its fields are moot.
    if (platform.unreadPaths?.[file.path] !== undefined) return
    const renaming = new Set<string>()
    for (const issue of schemaIssues(file)) {
      if (
        issue.keyword !== 'additionalProperties' ||
        issue.field === undefined ||
        isCommentKey(issue.field)
      )
        continue
      const at = serverAtPath(file, issue.path)
      const server = at?.server
      const options = {
        unconfirmed: platform.unknownFields === 'unconfirmed',
        ...(server === undefined ? {} : { server })
      }
      const entry = at?.rest.length === 0 ? findEntry(file.servers, at.server) : undefined
      if (asksForDefault(issue.field, entry)) continue
      const reason = at?.rest.length === 0 ? platform.ignoredFields[issue.field] : undefined
      if (reason !== undefined) report('ignored', issue.location, { reason }, options)
      else {
        const guess = meantField(issue.field, issue.expected)
        if (entry !== undefined && isHarmless(issue.field, guess, platform, entry)) continue
        // A typo of a field the entry does not have yet is renamed to it.
        const target = `${at?.server ?? ''}\u0000${guess ?? ''}`
        const renamed =
          guess === undefined ||
          entry === undefined ||
          entry.fields.has(guess) ||
          renaming.has(target)
            ? undefined
            : writeKey(platform.format, guess)
        // Two typos of one field (`arg`, `argz`) would both become it: only the first is renamed.
        renaming.add(target)
        report(
          'unknown',
          issue.location,
          { field: issue.field, platform: platform.displayName, guess },
          renamed === undefined
            ? options
            : {
                ...options,
                fix: {
                  description: `rename "${issue.field}" to "${guess ?? ''}"`,
                  edits: [replaceAt(issue.location, renamed)]
                }
              }
        )
      }
    }
  }
})
