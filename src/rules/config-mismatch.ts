import { showValue, transportName } from '../source/display.js'
import { findMismatches, findNameVariants } from '../source/cross-file.js'
import { locateField } from '../source/locate.js'
import { defineRule } from './rule.js'

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
      'platform shares: transport, command, args, env, cwd, url and headers. Names that differ only in case or ' +
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
    }) => `${d.field} of server "${d.server}" is ${d.actual} here but ${d.expected} in ${d.other}`,
    missingField: (d: { server: string; field: string; other: string }) =>
      `server "${d.server}" lacks ${d.field}, which it has in ${d.other}`,
    extraField: (d: { server: string; field: string; other: string }) =>
      `${d.field} of server "${d.server}" is not in ${d.other}`,
    transport: (d: { server: string; actual: string; expected: string; other: string }) =>
      `server "${d.server}" is a ${d.actual} server here but ${d.expected} in ${d.other}`,
    nameVariant: (d: { server: string; other: string; file: string }) =>
      `server "${d.server}" is called "${d.other}" in ${d.file}: use one name, since platforms name tools after it`
  },
  check({ workspace, report }) {
    if (workspace.source !== undefined) return
    const files = workspace.files.filter((file) => file.root !== undefined)
    for (const { at, reference, difference } of findMismatches(files)) {
      const server = at.entry.name.value
      const location = locateField(at.entry, difference.path, difference.pointsAtKey)
      const other = reference.file.path
      const field = difference.field
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
            other
          },
          options
        )
      } else if (difference.kind === 'removed')
        report('missingField', location, { server, field, other }, options)
      else if (difference.kind === 'added' || difference.kind === 'renamed')
        report('extraField', location, { server, field, other }, options)
      else
        report(
          'differs',
          location,
          {
            server,
            field,
            actual: show(difference.actual),
            expected: show(difference.expected),
            other
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
