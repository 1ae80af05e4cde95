import { plural } from '../util/plural.js'
import { showValue, transportName } from '../canonical/display.js'
import { findMismatches, findNameVariants, type Mismatch } from '../source/cross-file.js'
import { locateField } from '../source/locate.js'
import { defineRule } from './rule.js'

function groupMismatches(mismatches: readonly Mismatch[]): Mismatch[][] {
  const groups = new Map<string, Mismatch[]>()
  for (const mismatch of mismatches) {
    const key = [
      mismatch.at.file.path,
      mismatch.at.entry.name.value,
      mismatch.reference.file.path
    ].join('\u0000')
    groups.set(key, [...(groups.get(key) ?? []), mismatch])
  }
  const offset = ({ at, difference }: Mismatch) =>
    locateField(at.entry, difference.path, difference.pointsAtKey).offset
  return [...groups.values()].map((group) => group.sort((a, b) => offset(a) - offset(b)))
}

export default defineRule({
  id: 'config-mismatch',
  phase: 'workspace',
  severity: 'warning',
  docs: {
    description: 'Require a server defined in several platform files to be the same server in each',
    rationale:
      'A repository without a central source still keeps one server in several files, and they drift. Each ' +
      "definition is compared with the first one by path, translated into the other platform's format (so " +
      '`${env:TOKEN}` in Cursor and `${TOKEN}` in Claude Code are the same reference), on the fields every ' +
      'platform shares: transport, command, args, env, cwd, url and headers, once per server and pair of files. Names that differ only in case or ' +
      'separators (`fng-chatbot`, `fng_chatbot`) are reported too: platforms expose tools under the server name. ' +
      'With a central source, source-drift does this job instead. Warnings: no file is known to be the right one.',
    examples: {
      invalid: [
        {
          path: '.mcp.json',
          text: '{ "mcpServers": { "db": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "postgresql://localhost/app"] } } }\n',
          others: [
            {
              path: '.cursor/mcp.json',
              text: '{ "mcpServers": { "db": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "postgresql://localhost/test"] } } }\n'
            }
          ]
        }
      ],
      valid: [
        {
          path: '.mcp.json',
          text: '{ "mcpServers": { "gh": { "command": "gh-mcp", "env": { "TOKEN": "${TOKEN}" } } } }\n',
          others: [
            {
              path: '.cursor/mcp.json',
              text: '{ "mcpServers": { "gh": { "command": "gh-mcp", "env": { "TOKEN": "${env:TOKEN}" } } } }\n'
            }
          ]
        }
      ]
    }
  },
  messages: {
    differs: (d: {
      server: string
      field: string
      actual: string
      expected: string
      other: string
      more: string
    }) =>
      `${d.field} of server "${d.server}" is ${d.actual} here but ${d.expected} in ${d.other}${d.more}`,
    missingField: (d: { server: string; field: string; other: string; more: string }) =>
      `server "${d.server}" lacks ${d.field}, which it has in ${d.other}${d.more}`,
    extraField: (d: { server: string; field: string; other: string; more: string }) =>
      `${d.field} of server "${d.server}" is not in ${d.other}${d.more}`,
    transport: (d: {
      server: string
      actual: string
      expected: string
      other: string
      more: string
    }) =>
      `server "${d.server}" is a ${d.actual} server here but ${d.expected} in ${d.other}${d.more}`,
    nameVariant: (d: { server: string; other: string; file: string }) =>
      `server "${d.server}" is called "${d.other}" in ${d.file}: use one name, since platforms name tools after it`
  },
  check({ workspace, report }) {
    if (workspace.source !== undefined) return
    const files = workspace.files.filter((file) => file.root !== undefined)
    // One finding per server and pair of files, at the first difference, naming the others: one
    // server written two ways is one thing to reconcile, not a finding per argument.
    for (const [first, ...rest] of groupMismatches(findMismatches(files))) {
      if (first === undefined) continue
      const { at, reference, difference } = first
      const server = at.entry.name.value
      const location = locateField(at.entry, difference.path, difference.pointsAtKey)
      const other = reference.file.path
      const field = difference.field
      const more =
        rest.length === 0
          ? ''
          : `, and ${plural(rest.length, 'more difference')}: ${rest.map((m) => m.difference.field).join(', ')}`
      const show = (value: typeof difference.actual) =>
        showValue(at.file.platform, value, difference.key ?? '')
      const options = { server }
      if (difference.kind === 'transport') {
        report(
          'transport',
          location,
          {
            server,
            actual: transportName(difference.actual),
            expected: transportName(difference.expected),
            other,
            more
          },
          options
        )
      } else if (difference.kind === 'removed')
        report('missingField', location, { server, field, other, more }, options)
      else if (difference.kind === 'added' || difference.kind === 'renamed')
        report('extraField', location, { server, field, other, more }, options)
      else
        report(
          'differs',
          location,
          {
            server,
            field,
            actual: show(difference.actual),
            expected: show(difference.expected),
            other,
            more
          },
          options
        )
    }
    for (const { at, other } of findNameVariants(files)) {
      const data = {
        server: at.entry.name.value,
        other: other.entry.name.value,
        file: other.file.path
      }
      report('nameVariant', at.entry.name.location, data, { server: at.entry.name.value })
    }
  }
})
