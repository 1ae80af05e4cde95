import { replaceAt, writeReference } from '../model/fix.js'
import { allFiles, type AnyConfigFile } from '../model/workspace.js'
import { quote } from '../util/quote.js'
import { findSecrets, type SecretMatch } from '../detect/secrets.js'
import { serverHomes, toolsByName } from '../canonical/surface.js'
import { locateInString } from '../model/string-range.js'
import type { Location } from '../model/location.js'
import type { PlainValue, StringNode, ValueNode } from '../model/tree.js'
import { advice, fieldName, variableName } from './support/secret-advice.js'
import { listedExample } from './examples.js'
import { defineRule, type Report } from './rule.js'

const messages = {
  secret: (d: { kind: string; where: string; masked: string; advice: string }) =>
    `${article(d.kind)} ${d.kind} in ${d.where}: ${d.masked}; ${d.advice}, and rotate it: it stays in the git history`,
  publicKey: (d: { kind: string; where: string; masked: string }) =>
    `${article(d.kind)} ${d.kind} in ${d.where}: ${d.masked}; public by design, but a reference keeps it out of the repository`,
  inTool: (d: { kind: string; tool: string; server: string; field: string; masked: string }) =>
    `tool ${quote(d.tool)} of server ${quote(d.server)} carries ${article(d.kind)} ${d.kind} in its ${d.field}: ${d.masked}; every client sends it to the model, so report it to the server's maintainers`
}

type SecretReport = Report<typeof messages>

export default defineRule({
  id: 'server-secret',
  phase: 'workspace',
  severity: 'error',
  docs: {
    description: 'Disallow literal secrets in config files and in what servers tell the model',
    rationale:
      'MCP configs are committed, and a token in one is readable by everyone with the repository, forever: ' +
      'it stays in the git history after a fix, and `refs/pull/N/head` keeps even a force-pushed commit. ' +
      'GitHub push protection misses most of what MCP configs hold (Tavily, Firecrawl, Context7, Brave, ' +
      'database URLs, Bearer headers). The detector knows the token formats of GitHub, OpenAI, Anthropic, ' +
      'Slack, AWS, Stripe, Google, Supabase, Notion, Tavily, Firecrawl, Context7, npm, Hugging Face, ' +
      'Perplexity, GitLab, Linear, Groq, OpenRouter and Sentry, private keys and JWTs (a Supabase ' +
      '`service_role` JWT is an error, an `anon` one a notice), passwords in connection URLs, tokens in URL ' +
      'query strings and Authorization headers, high-entropy literals under secret-named keys and ' +
      'flags, and any literal password under a password-named key or flag (`DB_PASSWORD`, `PGPASSWORD`, ' +
      '`MYSQL_PWD`, `--password`), which no entropy bar would find (a warning). It looks in every string of the file (env, headers, args such as ' +
      '`--access-token`, URLs, JSON inside strings), in comments, and in the tool descriptions servers ' +
      'report. References (`${VAR}`, `${env:VAR}`, `${input:id}`) and placeholders (`<your-token>`, ' +
      '`YOUR_API_KEY`, `ghp_xxxx…`, `changeme`, `<password>`, documented example keys, default ' +
      'passwords such as `postgres`, `postgres:postgres@localhost`) are not ' +
      'secrets. Findings show the kind and a mask such as `ghp_… (40 chars)`, never the value.',
    examples: {
      invalid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "tavily": {\n      "command": "npx",\n      "args": ["-y", "tavily-mcp@0.2.4"],\n      "env": { "TAVILY_API_KEY": "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" }\n    },\n    "db": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "postgresql://app:Zr8-vQ2m-Lk4w@db.internal:5432/app"]\n    }\n  }\n}\n'
        }
      ],
      valid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "tavily": {\n      "command": "npx",\n      "args": ["-y", "tavily-mcp@0.2.4"],\n      "env": { "TAVILY_API_KEY": "${TAVILY_API_KEY}" }\n    },\n    "db": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "postgresql://postgres:postgres@localhost:5432/app"]\n    }\n  }\n}\n',
          enumeration: [
            listedExample('.mcp.json', 'tavily', ['tavily-search']),
            listedExample('.mcp.json', 'db', ['query'])
          ]
        }
      ]
    }
  },
  messages,
  check({ workspace, report }) {
    for (const file of allFiles(workspace)) {
      if (file.root === undefined || file.source === undefined) continue
      const servers = new Map(file.servers.map((entry) => [entry.value, entry.name.value]))
      scanTree(file, file.root, { path: [], server: undefined, servers }, undefined, report)
      scanComments(file, report)
    }
    scanTools(workspace, report)
  }
})

/**
 * Where the walk is. `path` is the walk's own array, pushed and popped as it goes (a new one for
 * each server entry): read it during a call, never keep it.
 */
interface Walk {
  /** Field path inside the server entry, or inside the file outside any entry. */
  readonly path: (string | number)[]
  readonly server: string | undefined
  readonly servers: ReadonlyMap<ValueNode, string>
}

/** `key` names the value for the detectors: its field, or the flag before an argument. */
function scanTree(
  file: AnyConfigFile,
  node: ValueNode,
  walk: Walk,
  key: string | undefined,
  report: SecretReport
): void {
  // Entries hold no entries: only a node outside every entry can start one.
  const server = walk.server === undefined ? walk.servers.get(node) : undefined
  const here = server === undefined ? walk : { ...walk, path: [], server }
  if (node.kind === 'string') {
    for (const match of findSecrets(node.value, { key }))
      reportMatch(file, node, match, here, report)
  } else if (node.kind === 'object') {
    for (const property of node.properties) {
      here.path.push(property.key.value)
      // A token pasted as a key is as public as one pasted as a value.
      for (const match of findSecrets(property.key.value))
        if (match.confidence === 'high') {
          here.path[here.path.length - 1] = '(key)'
          reportMatch(file, property.key, match, here, report)
          here.path[here.path.length - 1] = property.key.value
        }
      scanTree(file, property.value, here, property.key.value, report)
      here.path.pop()
    }
  } else if (node.kind === 'array') {
    const items = node.items
    for (let index = 0; index < items.length; index++) {
      const item = items[index]
      if (item === undefined) continue
      const previous = items[index - 1]
      // `--access-token sbp_…`: an argument is named by the flag before it.
      const flag =
        previous?.kind === 'string' && previous.value.startsWith('-') ? previous.value : undefined
      here.path.push(index)
      scanTree(file, item, here, flag ?? (key === 'args' ? undefined : key), report)
      here.path.pop()
    }
  }
}

function reportMatch(
  file: AnyConfigFile,
  node: StringNode,
  match: SecretMatch,
  walk: Walk,
  report: SecretReport
): void {
  if (file.source === undefined) return
  const at = locateInString(file.source, node, match.start, match.end)
  const field = fieldName(walk.path)
  const where =
    walk.server === undefined
      ? field === ''
        ? 'the file'
        : `"${field}"`
      : `${field === '' ? 'the entry' : field} of server ${quote(walk.server)}`
  const options = {
    ...(walk.server === undefined ? {} : { server: walk.server }),
    ...(match.confidence === 'medium' ? { milder: 1 as const } : {})
  }
  if (match.confidence === 'low') {
    // Local default passwords and documented example keys are placeholders, not findings.
    if (!publicDetectors.has(match.detector)) return
    report(
      'publicKey',
      at,
      { kind: match.kind, where, masked: match.masked },
      { ...options, milder: 2 }
    )
  } else {
    const name = variableName(file.platform, walk.path, match.detector)
    const style = file.platform.translation.references
    // Where the text cannot be mapped into the literal (YAML folding, TOML multi-line strings),
    // the location is the whole literal: replacing it would lose the text around the secret.
    const exact = at.offset !== node.location.offset || at.length !== node.location.length
    const inKey = walk.path.at(-1) === '(key)' || !exact
    const fields = file.platform.interpolation.fields
    const expanded = fields === 'all' || fields.includes(String(walk.path[0]))
    const reference =
      inKey || !expanded || style === 'none' || style === 'env-vars'
        ? undefined
        : writeReference(style, name)
    report(
      'secret',
      at,
      {
        kind: match.kind,
        where,
        masked: match.masked,
        advice: advice(
          file.platform,
          name,
          walk.path,
          /^(bearer|token|basic)\s+$/i.exec(node.value.slice(0, match.start))?.[0] ?? ''
        )
      },
      reference === undefined
        ? options
        : {
            ...options,
            fix: {
              description: `write "${reference}" in its place and set ${name} in the environment`,
              edits: [replaceAt(at, reference)]
            }
          }
    )
  }
}

/** Secrets in JSONC comments: a commented-out entry still publishes its token. */
function scanComments(file: AnyConfigFile, report: SecretReport): void {
  const source = file.source
  if (source === undefined) return
  for (const comment of file.comments) {
    const text = source.text.slice(comment.offset, comment.offset + comment.length)
    for (const match of findSecrets(text)) {
      if (match.confidence === 'low') continue
      const at: Location = source.locate(comment.offset + match.start, match.end - match.start)
      report(
        'secret',
        at,
        {
          kind: match.kind,
          where: 'a comment',
          masked: match.masked,
          advice: 'delete it'
        },
        match.confidence === 'medium' ? { milder: 1 } : {}
      )
    }
  }
}

/** Secrets in what servers report: descriptions, titles, schema defaults, instructions. */
function scanTools(workspace: Parameters<typeof serverHomes>[0], report: SecretReport): void {
  for (const home of serverHomes(workspace)) {
    const found = toolsByName(workspace, home.name)
    if (found === undefined) continue
    for (const tool of found.tools) {
      const texts: [string, PlainValue | undefined][] = [
        ['description', tool.description],
        ['title', tool.title],
        ['input schema', tool.inputSchema],
        ['output schema', tool.outputSchema]
      ]
      const reported = new Set<string>()
      for (const [field, value] of texts)
        for (const text of stringsOf(value))
          for (const match of findSecrets(text)) {
            if (match.confidence === 'low' || reported.has(match.masked)) continue
            reported.add(match.masked)
            report(
              'inTool',
              home.entry.name.location,
              { kind: match.kind, tool: tool.name, server: home.name, field, masked: match.masked },
              { server: home.name, ...(match.confidence === 'medium' ? { milder: 1 } : {}) }
            )
          }
    }
  }
}

function stringsOf(value: PlainValue | undefined): string[] {
  if (value === undefined || value === null) return []
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsOf)
  if (typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => [key, ...stringsOf(item)])
  return []
}

/** Keys that are public by design (publishable keys, anon JWTs): a notice, not a leak. */
const publicDetectors = new Set(['stripe-publishable-key', 'supabase-publishable-key', 'jwt'])

function article(kind: string): string {
  return /^[aeiouAEIO]/.test(kind) || /^npm\b/.test(kind) ? 'an' : 'a'
}
