import type { Fix } from '../model/diagnostic.js'
import { replaceAt, writeString } from '../model/fix.js'
import { mask } from '../detect/mask.js'
import type { ConfigFile, ServerEntry } from '../model/workspace.js'
import { locateFileStart, startOf } from '../model/location.js'
import type { Difference } from '../canonical/compare.js'
import { showValue, transportName } from '../canonical/display.js'
import { fileDrift, inputDrift } from '../source/drift-file.js'
import { looksSecret } from '../source/drift-secret.js'
import { carries, expectedFor, expectedInputs, type Expected } from '../source/expect.js'
import { resolvePath } from '../model/tree.js'
import { locateField } from '../source/locate.js'
import { SOURCE_PATH } from '../source/model.js'
import { fromCanonical } from '../canonical/references.js'
import { defineRule, type Report } from './rule.js'

const messages = {
  // `command` writes the files: "mcp-lint sync", or the generator that owns them (rulesync, ruler).
  missingFile: (d: { path: string; platform: string; command: string }) =>
    `target ${d.path} (${d.platform}) does not exist: run "${d.command}" to create it`,
  missingServer: (d: { server: string; command: string }) =>
    `server "${d.server}" from the central source is missing here: run "${d.command}" or add it`,
  extraServer: (d: { server: string; platform: string; elsewhere: boolean; targetsKey: string }) =>
    d.elsewhere
      ? `server "${d.server}" is in the central source, but not for ${d.platform}: add ${d.platform} to its "${d.targetsKey}" or remove it here`
      : `server "${d.server}" is not in the central source: add it there or remove it here`,
  renamedServer: (d: { server: string; expected: string }) =>
    `server "${d.server}" is named "${d.expected}" in the central source`,
  transport: (d: { server: string; actual: string; expected: string }) =>
    `server "${d.server}" is a ${d.actual} server here but ${d.expected} in the central source`,
  changed: (d: { server: string; field: string; actual: string; expected: string }) =>
    `${d.field} of server "${d.server}" is ${d.actual} here but ${d.expected} from the central source`,
  added: (d: { server: string; field: string }) =>
    `${d.field} of server "${d.server}" is not in the central source`,
  removed: (d: { server: string; field: string; expected: string }) =>
    `server "${d.server}" lacks ${d.field} (${d.expected}) from the central source`,
  renamedKey: (d: { server: string; field: string; from: string }) =>
    `${d.field} of server "${d.server}" is named ${d.from} in the central source`,
  disabled: (d: { server: string }) =>
    `server "${d.server}" is disabled here but not in the central source`,
  missingInput: (d: { id: string }) =>
    `input "${d.id}" from the central source is missing from "inputs"`,
  changedInput: (d: { id: string }) =>
    `input "${d.id}" differs from its declaration in the central source`,
  enabled: (d: { server: string; platform: string }) =>
    `the central source disables server "${d.server}" for ${d.platform}, but it is enabled here`
}

const servers = (entries: string) => `{\n  "mcpServers": {\n${entries}\n  }\n}\n`
const github = (args: string, env: string) =>
  `    "github": { "command": "npx", "args": ${args}, "env": { "GITHUB_TOKEN": "${env}" } }`

export default defineRule({
  id: 'source-drift',
  phase: 'workspace',
  severity: 'error',
  docs: {
    description:
      'Require every platform file to match the central source, server by server and field by field',
    rationale:
      'Teams keep one central source (`.agents/mcp/mcp-servers.json`) and a file per platform, and the files drift: ' +
      'a server added to one and not the others, an argument changed in one place, an env var renamed. Each ' +
      "platform file is compared with the source rendered in that platform's own format (key names, `type` " +
      "rules, reference syntax, Codex's `env_vars`), and every difference is reported where it is, naming the " +
      'server, the field and both values, with secrets masked. `mcp-lint sync` rewrites the files from the ' +
      'source. What other rules own is left to them: references in the wrong syntax (config-env-syntax), fields ' +
      'the platform ignores (config-unknown-field) and parts of the source a platform cannot express ' +
      '(source-unexpressible).',
    examples: {
      invalid: [
        {
          path: SOURCE_PATH,
          text: servers(
            github('["-y", "@modelcontextprotocol/server-github@2025.4.8"]', '${GITHUB_TOKEN}')
          ),
          others: [
            {
              path: '.cursor/mcp.json',
              text: servers(
                github('["-y", "@modelcontextprotocol/server-github"]', '${env:GITHUB_TOKEN}')
              )
            }
          ]
        }
      ],
      valid: [
        {
          path: SOURCE_PATH,
          text: servers(
            github('["-y", "@modelcontextprotocol/server-github@2025.4.8"]', '${GITHUB_TOKEN}')
          ),
          others: [
            {
              path: '.cursor/mcp.json',
              text: servers(
                github(
                  '["-y", "@modelcontextprotocol/server-github@2025.4.8"]',
                  '${env:GITHUB_TOKEN}'
                )
              )
            }
          ]
        }
      ]
    }
  },
  messages,
  check({ workspace, report }) {
    const model = workspace.source
    if (model === undefined) return
    // What writes the client files, in the words of the source the user edits.
    const writer = {
      command: model.generator?.command ?? 'mcp-lint sync',
      targetsKey: model.generator?.targetsKey ?? 'platforms'
    }
    for (const target of model.targets) {
      const file = workspace.files.find(
        (candidate) =>
          candidate.path === target.path && candidate.platform.id === target.platform.id
      )
      if (file === undefined) {
        const at = target.declaredAt ?? locateFileStart(model.main?.path ?? SOURCE_PATH)
        report('missingFile', at, {
          path: target.path,
          platform: target.platform.displayName,
          command: writer.command
        })
      } else if (file.root !== undefined) {
        // A file that did not parse is reported by config-syntax or config-unreadable.
        checkFile(
          report,
          file,
          expectedFor(model, target),
          (name) =>
            model.servers.some((server) => server.name === name && !carries(server, file.platform)),
          model.keepsOtherServers === true,
          writer
        )
        for (const input of inputDrift(file, expectedInputs(model, target)))
          report(input.kind === 'missing' ? 'missingInput' : 'changedInput', input.at, {
            id: input.id
          })
      }
    }
  }
})

function checkFile(
  report: Report<typeof messages>,
  file: ConfigFile,
  expected: readonly Expected[],
  carriedElsewhere: (name: string) => boolean,
  keepsOtherServers: boolean,
  writer: { readonly command: string; readonly targetsKey: string }
): void {
  const drift = fileDrift(file, expected)
  for (const { entry, difference } of drift.differences)
    reportDifference(report, file, entry, difference)
  for (const { want, entry } of drift.renamed) {
    const data = { server: entry.name.value, expected: want.name }
    report('renamedServer', entry.name.location, data, { server: entry.name.value })
  }
  for (const want of drift.missing) {
    const at =
      file.serversProperty?.key.location ??
      startOf(file.root?.location ?? locateFileStart(file.path))
    report(
      'missingServer',
      at,
      { server: want.name, command: writer.command },
      { server: want.name }
    )
  }
  const extras = drift.extras
  // ruler's default "merge" keeps the servers a client file has besides its own.
  if (keepsOtherServers) return
  for (const entry of extras) {
    const server = entry.name.value
    const data = {
      server,
      platform: file.platform.displayName,
      elsewhere: carriedElsewhere(server),
      targetsKey: writer.targetsKey
    }
    report('extraServer', entry.name.location, data, { server })
  }
}

function reportDifference(
  report: Report<typeof messages>,
  file: ConfigFile,
  entry: ServerEntry,
  difference: Difference
): void {
  const server = entry.name.value
  const platform = file.platform
  const at = locateField(entry, difference.path, difference.pointsAtKey)
  const options = { server }
  const field = difference.field
  const shown = (value: Difference['expected']) => showValue(platform, value, difference.key ?? '')
  switch (difference.kind) {
    case 'transport':
      report(
        'transport',
        at,
        {
          server,
          actual: transportName(difference.actual),
          expected: transportName(difference.expected)
        },
        options
      )
      return
    case 'changed': {
      const fix = valueFix(file, entry, difference)
      // A secret known only by its key or flag (`--password x`) is masked like any other.
      const secret = (value: Difference['expected']) =>
        typeof value === 'string' &&
        difference.path !== undefined &&
        looksSecret(entry, difference.path, value, difference.key)
      const display = (value: Difference['expected']) =>
        secret(value) && typeof value === 'string' ? `"${mask(value)}"` : shown(value)
      report(
        'changed',
        at,
        {
          server,
          field,
          actual: display(difference.actual),
          expected: display(difference.expected)
        },
        fix === undefined ? options : { ...options, fix }
      )
      return
    }
    case 'added':
      report('added', at, { server, field }, options)
      return
    case 'removed':
      report('removed', at, { server, field, expected: shown(difference.expected) }, options)
      return
    case 'renamed':
      report('renamedKey', at, { server, field, from: difference.from ?? '' }, options)
      return
    case 'disabled':
      report('disabled', at, { server }, options)
      return
    case 'enabled':
      report('enabled', at, { server, platform: platform.displayName }, options)
  }
}

/**
 * The source's value written over the file's, when both are strings, in the platform's syntax
 * (`${env:X}` for Cursor). A value the platform cannot express, or one that looks like a secret
 * under its key or after its flag, gets no fix: the fix would copy it into another file. Numbers
 * are compared in the source's units, so they are left to sync, as are missing and extra fields.
 */
function valueFix(file: ConfigFile, entry: ServerEntry, difference: Difference): Fix | undefined {
  const { expected, path } = difference
  if (typeof expected !== 'string' || path === undefined || file.source === undefined)
    return undefined
  const t = file.platform.translation
  const written = fromCanonical(expected, t.references === 'env-vars' ? 'none' : t.references, true)
  if (written === undefined || looksSecret(entry, path, written, difference.key)) return undefined
  const node = resolvePath(entry.value, path)
  if (node?.kind !== 'string') return undefined
  const previous = file.source.text.slice(
    node.location.offset,
    node.location.offset + node.location.length
  )
  return {
    description: `write the central source's value`,
    edits: [replaceAt(node.location, writeString(file.platform.format, written, previous))]
  }
}
