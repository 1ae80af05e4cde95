import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { ActionIO } from '../../src/action/main.js'
import { escapeText } from '../../src/util/quote.js'
import { lint, type LintResult } from '../../src/lint.js'
import { platforms } from '../../src/platforms/index.js'
import { rules } from '../../src/rules/index.js'
import { annotationsWithinBudget } from '../../src/reporters/annotations.js'
import { commentMarker, formatComment } from '../../src/reporters/comment.js'
import { escapeLogLine } from '../../src/reporters/escape/log-line.js'
import { encodeUrlPath } from '../../src/reporters/escape/markdown.js'
import { escapeTerminal } from '../../src/reporters/escape/terminal.js'
import { formatJson } from '../../src/reporters/json.js'
import { formatSarif } from '../../src/reporters/sarif.js'
import { formatText } from '../../src/reporters/text.js'
import { HOMEPAGE } from '../../src/version.js'
import { FakeGitHub } from '../helpers/github-server.js'
import { scratchDir, writeFiles } from '../helpers/temp-repo.js'

/**
 * Hostile text where a pull request can put it (a file name, a `paths` entry, a server name, a
 * config value and key, the tools and server info a server returns, the lockfile), through every
 * sink that shows it: the job summary (as @actions/core writes it), the pull request comment, the
 * drift issue (as GitHub receives it), annotations and log lines (as the runner parses them), the
 * CLI's text, JSON and SARIF. Markdown is rendered with a CommonMark + GFM renderer and the HTML
 * is held to what mcp-lint itself writes; log lines are parsed with the runner's own rules.
 */
const HOSTILE: readonly (readonly [string, string])[] = [
  ['pipes', 'a|b||c'],
  ['backtick runs', 'x`y``z```w'],
  ['backslash before a pipe', 'a\\|b\\\\|c'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['details', '<details>'],
  ['javascript link', '[x](javascript:alert(1))'],
  ['image', '![i](https://evil/x.png)'],
  ['URL', 'https://evil.example/x'],
  ['www', 'www.evil.example'],
  ['email', 'user@evil.example'],
  ['mention', '@octocat'],
  ['team mention', '@org/team'],
  ['mention as an entity', '&#64;octocat'],
  ['reference', '#1'],
  ['cross-repository reference', 'owner/repo#1'],
  ['GH reference', 'GH-1'],
  ['set-output after a newline', '\n::set-output name=x::y'],
  ['add-mask after CRLF', '\r\n::add-mask::'],
  ['stop-commands', '::stop-commands::tok'],
  ['legacy command', '##[set-output name=x;]y'],
  ['command after a no-break space', '\u00a0::warning::x'],
  ['percent escape', '%0A::error::x'],
  ['property syntax', 'a,b:c=d'],
  ['ESC sequences', '\u001b[2J\u001b[31m'],
  ['C1 CSI', '\u009b31m'],
  ['C0 controls', 'tab\tbell\u0007'],
  ['NUL', 'a\u0000b'],
  ['bidi override', 'evil\u202egnp.json'],
  ['bidi isolate', '\u2066x\u2069'],
  ['zero-width space', 'a\u200bb'],
  ['line separator', 'a\u2028b'],
  ['tag characters', 'x\u{e0069}\u{e0067}\u{e006e}'],
  ['heading', '# heading'],
  ['blockquote', '> quote'],
  ['list', '- list'],
  ['thematic break', '***'],
  ['comment open', '<!-- comment'],
  ['comment close', '-->'],
  ['emoji code', ':smile:'],
  ['math', '$x^2$'],
  ['long', '@a #1 `|'.repeat(25)],
  ['very long', '@everyone #1 <b>x</b> |`\n'.repeat(400)]
]

type Sink =
  'summary' | 'comment' | 'drift issue' | 'annotations' | 'log' | 'text' | 'json' | 'sarif'

/** Every (hostile string, sink) pair checked, and what rendered unescaped. */
const checked = new Set<string>()
const leaks: string[] = []

function record(label: string, sink: Sink, problems: readonly string[]): readonly string[] {
  checked.add(`${label} → ${sink}`)
  leaks.push(...problems.map((problem) => `${label} → ${sink}: ${problem}`))
  return problems
}

// ---------------------------------------------------------------------------------------------
// The repository, the server and the Action run for one hostile string

/** A file name holds no NUL and at most 255 bytes. */
function nameable(text: string): boolean {
  return !text.includes('\u0000') && Buffer.byteLength(`${text}.json`) <= 255
}

function hostileRepo(text: string, url: string): Record<string, string> {
  const files: Record<string, string> = {
    '.mcp.json': JSON.stringify(
      {
        mcpServers: {
          [text]: {
            type: 'http',
            url,
            headers: { Authorization: `Bearer \${env:TOKEN${text}}` },
            [text]: true
          }
        }
      },
      null,
      2
    ),
    '.agents/mcp/mcp-servers.json': JSON.stringify({
      mcpServers: { [text]: { type: 'http', url: `${url}?from=source` } }
    }),
    '.agents/mcp/mcp-lock.json': JSON.stringify({
      lockfileVersion: 1,
      servers: {
        [text]: {
          launch: { command: '', args: [] },
          tools: { [`${text} (locked)`]: { description: text, hash: `sha256:${'0'.repeat(64)}` } }
        }
      }
    })
  }
  if (nameable(text) && !text.includes('/')) {
    files[`.agents/mcp/servers/${text}.json`] = '{ "mcpServers": '
  }
  if (nameable(text)) {
    files['mcp-lint.json'] = JSON.stringify({ paths: [{ path: text, platform: 'cursor' }] })
    files[text] = '{ // strict JSON has no comments\n  "mcpServers": {}\n}\n'
  }
  return files
}

/** A streamable-HTTP MCP server on loopback: server `/mcp/<n>` names itself and its tool HOSTILE[n]. */
function startServer(): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'POST') {
      response.writeHead(405).end()
      return
    }
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => {
      const message = JSON.parse(body) as {
        id?: number
        method: string
        params?: { protocolVersion?: string }
      }
      if (message.id === undefined) {
        response.writeHead(202).end()
        return
      }
      const path = new URL(request.url ?? '/', 'http://loopback').pathname
      const text = HOSTILE[Number(path.split('/').at(-1))]?.[1] ?? 'unknown'
      const result =
        message.method === 'initialize'
          ? {
              protocolVersion: message.params?.protocolVersion,
              capabilities: { tools: {} },
              serverInfo: { name: text, version: '1.0.0' }
            }
          : {
              tools: [
                {
                  name: text,
                  description: `${text} says the server`,
                  inputSchema: { type: 'object', properties: { [text]: { type: 'string' } } }
                }
              ]
            }
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ jsonrpc: '2.0', id: message.id, result }))
    })
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve(server)
    })
  })
}

/** What the runner's process reads from the step's stdout, while the action runs. */
async function captureStdout(action: () => Promise<void>): Promise<string> {
  let captured = ''
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = (chunk: string | Uint8Array) => {
    captured += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    return true
  }
  try {
    await action()
  } finally {
    process.stdout.write = write
  }
  return captured
}

interface Outcome {
  readonly result: LintResult
  readonly stdout: string
  /** Commands mcp-lint meant to write: annotations, warnings and failures. */
  readonly issued: { command: string; file?: string; data: string }[]
  readonly summary: string
  readonly issue: string
}

const scratch = scratchDir()
const github = new FakeGitHub()
const saved = new Map<string, string | undefined>()
let server: Server
let base = ''
let githubActionIO: () => ActionIO
let run: (io: ActionIO) => Promise<void>
const summaryFile = join(scratch, 'summary.md')

beforeAll(async () => {
  server = await startServer()
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const api = await github.start()
  writeFileSync(summaryFile, '')
  const env = {
    GITHUB_API_URL: api,
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: join(scratch, 'output.txt'),
    GITHUB_EVENT_NAME: undefined
  }
  for (const [name, value] of Object.entries(env)) {
    saved.set(name, process.env[name])
    if (value === undefined) Reflect.deleteProperty(process.env, name)
    else process.env[name] = value
  }
  // @actions/github reads GITHUB_API_URL when it is first imported.
  ;({ githubActionIO } = await import('../../src/action/io.js'))
  ;({ run } = await import('../../src/action/main.js'))
})

afterAll(async () => {
  for (const [name, value] of saved) {
    if (value === undefined) Reflect.deleteProperty(process.env, name)
    else process.env[name] = value
  }
  await github.stop()
  await new Promise((resolve) => server.close(resolve))
})

/**
 * Lints the hostile repository, then runs the Action on it in drift mode with the real
 * @actions/core and Octokit (against the local GitHub), and annotates every finding as well.
 */
async function runHostile(index: number, text: string): Promise<Outcome> {
  // `--->` in the path, which keys the drift issue's hidden marker.
  const root = mkdtempSync(join(scratch, `repo---> ${index} `))
  writeFiles(root, hostileRepo(text, `${base}/mcp/${index}`))
  const result = await lint({
    root,
    enumerate: { remote: true, allowPrivateHosts: true, sandbox: 'none' }
  })
  const real = githubActionIO()
  const issued: { command: string; file?: string; data: string }[] = []
  const inputs: Record<string, string> = {
    mode: 'drift',
    path: root,
    'drift-issue': 'true',
    'github-token': 'test-token',
    remote: 'true',
    'allow-private-hosts': 'true',
    sandbox: 'none'
  }
  const io: ActionIO = {
    ...real,
    getInput: (name) => inputs[name] ?? '',
    annotate: (level, message, properties) => {
      issued.push({ command: level, file: properties.file, data: escapeLogLine(message) })
      real.annotate(level, message, properties)
    },
    warning: (message) => {
      issued.push({ command: 'warning', data: escapeLogLine(message) })
      real.warning(message)
    },
    setFailed: (message) => {
      issued.push({ command: 'error', data: escapeLogLine(message) })
      real.setFailed(message)
    },
    context: {
      eventName: 'schedule',
      payload: {},
      repository: 'octo/repo',
      workflow: text,
      sha: 'a'.repeat(40),
      runUrl: undefined,
      workspace: root
    }
  }
  const exitCode = process.exitCode
  const stdout = await captureStdout(async () => {
    await run(io)
    for (const d of result.diagnostics)
      for (const annotation of annotationsWithinBudget([d]).annotations)
        io.annotate(annotation.level, annotation.message, annotation.properties)
    io.info(text)
    io.info(`mcp-lint: ${text}`)
    io.warning(text)
    io.setFailed(text)
  })
  process.exitCode = exitCode
  const summary = readFileSync(summaryFile, 'utf8')
  writeFileSync(summaryFile, '')
  const issue = github.issues.find((candidate) => candidate.title.includes(`repo---> ${index} `))
  return { result, stdout, issued, summary, issue: issue?.body ?? '' }
}

// ---------------------------------------------------------------------------------------------
// Markdown, rendered

function render(markdown: string): string {
  return micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()]
  })
}

/** A rule id, as the comment heads the findings of one rule. */
const RULE_ID = new RegExp(`^(${rules.map((rule) => rule.id).join('|')})$`)

const ALLOWED_TAGS = new Set([
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'h2',
  'h3',
  'h4',
  'ul',
  'li',
  'p',
  'strong',
  'code',
  'details',
  'summary',
  'sub',
  'a'
])

/** The headings, summaries and paragraphs mcp-lint writes; anything else came from the repository. */
const OWN_TEXT: Readonly<Record<string, readonly RegExp[]>> = {
  h2: [/^mcp-lint(: drift found|: no drift)?$/],
  h3: [
    /^(Findings|Tools per platform|Drift from the central source|Tool changes since the lockfile|Servers)$/,
    /^(✅|❌|⚠️|ℹ️) mcp-lint: (no findings|\d+ errors?, \d+ warnings?, \d+ notices?)$/
  ],
  h4: [/^(🔴 Errors|🟡 Warnings|🔵 Notices) \(\d+\)$/],
  strong: [/^\d+ errors?$/, RULE_ID],
  summary: [
    /^\d+ more findings?$/,
    /^Tools per platform$/,
    /^(Drift from the central source|Tool changes since the lockfile) \(\d+\)$/
  ],
  p: [
    /^\d+ errors?, \d+ warnings?, \d+ notices? in \d+ config files? with \d+ servers?(; servers enumerated in [\d.]+ s \(sandbox: [a-z-]+\))?\.?$/,
    /^\d+ findings? not shown as annotations: GitHub shows at most 10 per level in a step\. All are listed here\.$/,
    /^No findings\.$/,
    /^… and \d+ more rows$/,
    /^\d+ more findings? not shown: .*$/,
    /^\d+ findings? more in the job summary and the SARIF report: .*$/,
    /^mcp-lint \S+( · commit [0-9a-f]{7})?( · workflow run)?$/,
    RULE_ID,
    /^(🔧 (It has|All \d+ have|\d+ of them (has|have)) a mechanical fix: run mcp-lint check --fix \(--fix-dry-run shows it first\)\.\n?)?(🔁 \d+ drift findings? (is|are) fixed by writing the files from the central source: run mcp-lint sync\.)?$/u
  ]
}

const SEVERITIES = new Set(['🔴 error', '🟡 warning', '🔵 notice'])
const PLATFORM_IDS = new Set(platforms.map((platform) => platform.id as string))

interface Cell {
  /** Text outside any element. */
  text: string
  code: string[]
  tags: string[]
}

/** Each table's cells checked against what mcp-lint puts in that column. */
const COLUMNS: Readonly<Record<string, readonly ((cell: Cell) => boolean)[]>> = {
  'Severity|Location|Rule|Message': [
    (cell) => SEVERITIES.has(cell.text),
    oneCode,
    (cell) => oneCode(cell) && /^[a-z-]+$/.test(cell.code[0] ?? ''),
    noTags
  ],
  'File|Platform|Servers|Tools|Limit': [
    oneCode,
    (cell) => noTags(cell) && PLATFORM_IDS.has(cell.text),
    (cell) => /^\d+$/.test(cell.text),
    (cell) => /^\d+( \(\+\d+ unknown\))?$/.test(cell.text),
    (cell) => /^(-|(✅|🟡|🔴) (warn > \d+)?(, )?(fail > \d+)?)$/.test(cell.text)
  ],
  'Server|Where|What': [noTags, oneCode, noTags],
  'Server|Status|Tools|Time|Memory': [
    noTags,
    (cell) => noTags(cell) && /^(ok|failed|skipped)( \(.*\))?$/.test(cell.text),
    (cell) => /^(\d+|-)$/.test(cell.text),
    (cell) => /^(\d+\.\d s|-)$/.test(cell.text),
    (cell) => /^(\d+ MB|-)$/.test(cell.text)
  ]
}

function oneCode(cell: Cell): boolean {
  return cell.text === '' && cell.code.length === 1 && cell.tags.join() === 'code'
}

function noTags(cell: Cell): boolean {
  return cell.tags.length === 0
}

function decode(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot);/gi, (_, entity: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' }
    if (entity.startsWith('#'))
      return String.fromCodePoint(
        entity[1]?.toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1))
      )
    return named[entity.toLowerCase()] ?? ''
  })
}

/** GFM splits a row at each `|` not taken by a backslash pair (micromark's reading). */
function countCells(line: string): number {
  let pipes = 0
  for (let index = 0; index < line.length; index++) {
    if (line[index] === '\\') index++
    else if (line[index] === '|') pipes++
  }
  return pipes - 1
}

/**
 * Whatever rendered that mcp-lint did not write: elements, attributes, links, comments, headings,
 * paragraphs, table cells out of place, and mention, reference and emoji candidates in the text
 * GitHub scans after rendering (its mention pattern, `#1`, `GH-1`, `:name:` outside code).
 */
function auditMarkdown(
  markdown: string,
  allowed: { readonly marker?: string; readonly links: readonly string[] }
): string[] {
  const problems: string[] = []
  let columns = 0
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) columns = 0
    else if (columns === 0) columns = countCells(line)
    else if (countCells(line) !== columns)
      problems.push(`a table row with ${countCells(line)} cells, not ${columns}`)
  }
  const html = render(markdown)
  const stack: { tag: string; text: string }[] = []
  let table: { header: string; cells: Cell[] } | undefined
  let cell: Cell | undefined
  let text = ''
  let plain = ''
  const tokens = /<!--[\s\S]*?-->|<(\/?)([A-Za-z][\w-]*)([^>]*)>|[^<]+|</g
  for (const [token, closing, name, attributes] of html.matchAll(tokens)) {
    if (token.startsWith('<!--')) {
      if (token !== allowed.marker) problems.push(`an HTML comment ${JSON.stringify(token)}`)
      continue
    }
    if (name === undefined) {
      const shown = decode(token)
      text += shown
      for (const open of stack) open.text += shown
      if (!stack.some((open) => open.tag === 'code')) plain += shown
      if (cell !== undefined) {
        if (stack.at(-1)?.tag === 'code') cell.code.push(shown)
        else if (!/^\s*$/.test(shown) || cell.text !== '') cell.text += shown
      }
      continue
    }
    const tag = name.toLowerCase()
    if (!ALLOWED_TAGS.has(tag)) {
      problems.push(`a <${tag}> element`)
      continue
    }
    if (closing === '') {
      if (tag === 'a') {
        const href = /^ href="([^"]*)"$/.exec(attributes ?? '')?.[1]
        if (href === undefined || !allowed.links.includes(decode(href)))
          problems.push(`a link ${JSON.stringify(token)}`)
      } else if ((attributes ?? '').trim() !== '') problems.push(`an attribute in ${token}`)
      if (tag === 'table') table = { header: '', cells: [] }
      if ((tag === 'td' || tag === 'th') && table !== undefined) {
        cell = { text: '', code: [], tags: [] }
      } else if (cell !== undefined) cell.tags.push(tag)
      stack.push({ tag, text: '' })
      continue
    }
    const open = stack.pop()
    if (open?.tag !== tag) problems.push(`</${tag}> closes <${open?.tag ?? 'nothing'}>`)
    const own = OWN_TEXT[tag]
    if (own !== undefined && open !== undefined && !own.some((pattern) => pattern.test(open.text)))
      problems.push(`a <${tag}> reading ${JSON.stringify(open.text)}`)
    if ((tag === 'td' || tag === 'th') && cell !== undefined && table !== undefined) {
      cell.text = cell.text.trim()
      if (tag === 'th') table.header += `${table.header === '' ? '' : '|'}${cell.text}`
      else table.cells.push(cell)
      cell = undefined
    }
    if (tag === 'tr' && table !== undefined && table.cells.length > 0) {
      const checks = COLUMNS[table.header]
      if (checks === undefined) problems.push(`a table headed ${table.header}`)
      else if (table.cells.length !== checks.length)
        problems.push(`a row of ${table.cells.length} cells under ${table.header}`)
      else
        table.cells.forEach((shown, index) => {
          if (checks[index]?.(shown) !== true)
            problems.push(`column ${index + 1} of ${table?.header ?? ''}: ${JSON.stringify(shown)}`)
        })
      table.cells = []
    }
    if (tag === 'table') table = undefined
  }
  for (const match of text.matchAll(/(?:^|\W)@[A-Za-z0-9][A-Za-z0-9-]*/g))
    problems.push(`a mention ${JSON.stringify(match[0])}`)
  for (const match of text.matchAll(/#\d|\bGH-\d/gi))
    problems.push(`a reference ${JSON.stringify(match[0])}`)
  for (const match of plain.matchAll(/:[\w+-]+:/g))
    problems.push(`an emoji code ${JSON.stringify(match[0])}`)
  for (const match of text.matchAll(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu)) {
    const before = text[match.index - 1] ?? ''
    if (match[0] !== '\n' && !(match[0] === '\u200b' && '@#:-\\'.includes(before)))
      problems.push(`a raw U+${(match[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`)
  }
  return problems
}

/**
 * The hostile string as a reader sees it: its first characters, controls shown as `\u{…}`, line
 * breaks as escapes or (where messages fold whitespace) spaces. Proves the string got through.
 */
function shownIn(rendered: string, text: string): boolean {
  const visible = rendered.replace(/\u200b/g, '')
  return [escapeText(text, Number.POSITIVE_INFINITY), escapeText(text.replace(/\s+/g, ' '), 200)]
    .map((form) => Array.from(form.trim()).slice(0, 12).join(''))
    .some((form) => visible.includes(form))
}

function renderedText(markdown: string): string {
  return decode(render(markdown).replace(/<[^>]*>/g, ''))
}

// ---------------------------------------------------------------------------------------------
// The runner's log

const REGISTERED = new Set([
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
  'stop-commands'
])

interface RunnerCommand {
  readonly command: string
  readonly properties: Readonly<Record<string, string>>
  readonly data: string
}

function unescape(text: string, mappings: readonly (readonly [string, string])[]): string {
  return mappings.reduce((value, [escaped, char]) => value.replaceAll(escaped, char), text)
}

const DATA = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%25', '%']
] as const
const PROPERTY = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%3A', ':'],
  ['%2C', ','],
  ['%25', '%']
] as const
const LEGACY = [
  ['%3B', ';'],
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%5D', ']'],
  ['%25', '%']
] as const

function properties(text: string, separator: string, mappings: typeof PROPERTY | typeof LEGACY) {
  const found: Record<string, string> = {}
  for (const pair of text.split(separator).filter((part) => part !== '')) {
    const at = pair.indexOf('=')
    if (at > 0 && at < pair.length - 1)
      found[pair.slice(0, at)] = unescape(pair.slice(at + 1), mappings)
  }
  return found
}

/**
 * A log line as actions/runner reads it (src/Runner.Common/ActionCommand.cs): `::name props::data`
 * after leading whitespace (.NET's TrimStart, which also trims U+0085), else `##[name props]data`
 * anywhere in the line, for any registered command.
 */
function parseCommand(line: string): RunnerCommand | undefined {
  const message = line.replace(/^[\s\u0085]+/u, '')
  if (message.startsWith('::')) {
    const end = message.indexOf('::', 2)
    const info = end < 0 ? '' : message.slice(2, end)
    const space = info.indexOf(' ')
    const command = space < 0 ? info : info.slice(0, space)
    if (end >= 0 && REGISTERED.has(command))
      return {
        command,
        properties: space < 0 ? {} : properties(info.slice(space + 1).trim(), ',', PROPERTY),
        data: unescape(message.slice(end + 2), DATA)
      }
  }
  const prefix = line.indexOf('##[')
  const bracket = prefix < 0 ? -1 : line.indexOf(']', prefix)
  if (bracket < 0) return undefined
  const info = line.slice(prefix + 3, bracket)
  const space = info.indexOf(' ')
  const command = space < 0 ? info : info.slice(0, space)
  if (!REGISTERED.has(command)) return undefined
  return {
    command,
    properties: space < 0 ? {} : properties(info.slice(space + 1), ';', LEGACY),
    data: unescape(line.slice(bracket + 1), LEGACY)
  }
}

/** Runner output lines: .NET splits a process's output at CR, LF and CRLF. */
function lines(output: string): string[] {
  return output.split(/\r\n|\r|\n/).slice(0, -1)
}

const CONTROLS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u

type Issued = readonly { command: string; file?: string; data: string }[]

/** The commands in a log, as the runner reads them, in the shape mcp-lint's record of them has. */
function commandsIn(output: string): Issued {
  return lines(output).flatMap((line) => {
    const command = parseCommand(line)
    return command === undefined
      ? []
      : [
          {
            command: command.command,
            ...(command.properties.file === undefined ? {} : { file: command.properties.file }),
            data: command.data
          }
        ]
  })
}

/** Commands the runner would run that mcp-lint did not write, and controls that reach the log. */
function auditLog(output: string, issued: Issued): string[] {
  const problems: string[] = []
  for (const line of lines(output))
    if (CONTROLS.test(parseCommand(line)?.data ?? line))
      problems.push(`a control character in ${JSON.stringify(line)}`)
  const commands = commandsIn(output)
  const extra = commands.filter(
    (command) => !issued.some((entry) => JSON.stringify(entry) === JSON.stringify(command))
  )
  for (const command of extra)
    problems.push(`a command mcp-lint did not write: ${JSON.stringify(command)}`)
  if (commands.length !== issued.length)
    problems.push(`the runner reads ${commands.length} commands, mcp-lint wrote ${issued.length}`)
  return problems
}

/** Every annotation arrives whole: its level, its file (for the line it marks) and its message. */
function auditAnnotations(output: string, issued: Issued): string[] {
  const withFile = (list: Issued) =>
    JSON.stringify(list.filter((entry) => entry.file !== undefined))
  return withFile(commandsIn(output)) === withFile(issued)
    ? []
    : ['the annotations the runner reads differ from the ones mcp-lint wrote']
}

// ---------------------------------------------------------------------------------------------
// Text, JSON and SARIF

/** What JSON.stringify leaves raw and a reader would not see; C0 only as our own line breaks. */
const INVISIBLE_IN_JSON = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u{fe00}-\u{fe0f}]/u

function auditText(output: string, result: LintResult): string[] {
  const problems: string[] = []
  const shown = output.split('\n').slice(0, -1)
  const servers = new Set(result.servers.map((entry) => entry.name)).size
  const expected =
    result.diagnostics.length + (result.enumeration === undefined ? 0 : servers + 1) + 1
  if (shown.length !== expected) problems.push(`${shown.length} lines, not ${expected}`)
  for (const line of shown) {
    if (CONTROLS.test(line)) problems.push(`a control character in ${JSON.stringify(line)}`)
    if (parseCommand(line) !== undefined)
      problems.push(`a workflow command in ${JSON.stringify(line)}`)
  }
  result.diagnostics.forEach((d, index) => {
    if (!(shown[index] ?? '').endsWith(` [${d.ruleId}]`))
      problems.push(`finding ${index + 1} is not on its own line`)
  })
  return problems
}

/** What a reader would not see, and workflow commands for a workflow that prints the file. */
function auditJsonText(output: string): string[] {
  const problems: string[] = []
  if (INVISIBLE_IN_JSON.test(output)) problems.push('a raw invisible character')
  for (const line of lines(output))
    if (parseCommand(line) !== undefined) problems.push(`a workflow command in ${line}`)
  return problems
}

function auditJson(output: string, result: LintResult, context: object): string[] {
  const problems = auditJsonText(output)
  const report = JSON.parse(output) as {
    github: unknown
    files: unknown
    servers: unknown
    diagnostics: { file: string; message: string; server?: string }[]
  }
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
  if (!same(report.github, context)) problems.push('the context changed')
  if (!same(report.files, result.files)) problems.push('the files changed')
  if (!same(report.servers, result.servers)) problems.push('the servers changed')
  const findings = (list: readonly { file: string; message: string; server?: string }[]) =>
    list.map((d) => [d.file, d.message, d.server])
  if (!same(findings(report.diagnostics), findings(result.diagnostics)))
    problems.push('the findings changed')
  return problems
}

const sarifSchema = JSON.parse(
  readFileSync('__tests__/schemas/sarif-schema-2.1.0.json', 'utf8')
) as Record<string, unknown>
const ajv = new Ajv({ strict: false, allErrors: true })
addFormats.default(ajv)
const validateSarif = ajv.compile(sarifSchema)

function auditSarif(output: string, result: LintResult): string[] {
  const problems = auditJsonText(output)
  const log = JSON.parse(output) as {
    runs: {
      results: {
        message: { text: string }
        locations: { physicalLocation: { artifactLocation: { uri: string } } }[]
      }[]
    }[]
  }
  if (!validateSarif(log)) problems.push(`invalid SARIF: ${ajv.errorsText(validateSarif.errors)}`)
  const results = log.runs[0]?.results ?? []
  result.diagnostics.forEach((d, index) => {
    const shown = results[index]
    const text = shown?.message.text ?? ''
    // An embedded link needs a `[` that no backslash takes.
    if (/(?<!\\)(?:\\\\)*[[\]]/.test(text))
      problems.push(`an embedded link in ${JSON.stringify(text)}`)
    if (CONTROLS.test(text)) problems.push(`a control character in ${JSON.stringify(text)}`)
    if (text.replace(/\\([\\[\]])/g, '$1') !== escapeTerminal(d.message))
      problems.push(`message ${index + 1} reads differently`)
    const uri = shown?.locations[0]?.physicalLocation.artifactLocation.uri ?? ''
    const url = new URL(uri, 'https://repository.invalid/root/')
    if (
      url.origin !== 'https://repository.invalid' ||
      url.search !== '' ||
      url.hash !== '' ||
      decodeURIComponent(url.pathname) !== `/root/${d.file}`
    )
      problems.push(`uri ${JSON.stringify(uri)} is not the file ${JSON.stringify(d.file)}`)
  })
  return problems
}

// ---------------------------------------------------------------------------------------------

describe.each(HOSTILE.map(([label, text], index) => [label, text, index] as const))(
  '%s',
  (label, text, index) => {
    let outcome: Outcome

    beforeAll(async () => {
      outcome = await runHostile(index, text)
    }, 60_000)

    it('reaches the report as a file name, a server name, a config value and a tool', () => {
      const { result } = outcome
      // A `paths` entry's backslashes are read as `/`; its fragment keeps the name as it is.
      const asFile = result.diagnostics.some(
        (d) => d.file === text || d.file === `.agents/mcp/servers/${text}.json`
      )
      expect(asFile || !nameable(text)).toBe(true)
      expect(result.diagnostics.map((d) => d.ruleId)).toContain('config-env-syntax')
      expect(new Set(result.servers.map((entry) => entry.name))).toEqual(new Set([text]))
      expect(
        result.servers.flatMap((entry) => entry.tools ?? []).map((tool) => tool.name)
      ).toContain(text)
      expect(result.diagnostics.map((d) => d.server)).toContain(text)
    })

    it('stays text in the job summary, the pull request comment and the drift issue', () => {
      const { result, summary, issue } = outcome
      const runUrl = 'https://github.test/octo/repo/actions/runs/1'
      const marker = commentMarker(`${text} ${text}`)
      const linkBase = `https://github.test/octo/repo/blob/${'b'.repeat(40)}`
      const comment = formatComment(result, { marker, sha: 'b'.repeat(40), runUrl, linkBase })
      const issueMarker = issue.split('\n')[0] ?? ''
      const links = [HOMEPAGE, runUrl]
      // Each finding links to its own line and nowhere else.
      const findingLinks = result.diagnostics.map(
        (d) => `${linkBase}/${encodeUrlPath(d.file)}#L${d.range.start.line}`
      )
      expect({
        summary: record(label, 'summary', auditMarkdown(summary, { links })),
        comment: record(
          label,
          'comment',
          auditMarkdown(comment, { links: [...links, ...findingLinks], marker })
        ),
        'drift issue': record(
          label,
          'drift issue',
          auditMarkdown(issue, { links, marker: issueMarker })
        )
      }).toEqual({ summary: [], comment: [], 'drift issue': [] })
      expect(issueMarker).toMatch(/^<!-- mcp-lint:drift (?:(?!--).)* -->$/s)
      for (const markdown of [summary, comment, issue])
        expect(shownIn(renderedText(markdown), text)).toBe(true)
    })

    it('writes no workflow command and no control character to the log', () => {
      const { stdout, issued, result } = outcome
      expect({
        annotations: record(label, 'annotations', auditAnnotations(stdout, issued)),
        log: record(label, 'log', auditLog(stdout, issued))
      }).toEqual({ annotations: [], log: [] })
      expect(issued.filter((entry) => entry.file !== undefined).length).toBeGreaterThan(
        result.diagnostics.length
      )
      expect(stdout).toContain(escapeLogLine(text))
    })

    it('is shown escaped in the CLI text, JSON and SARIF output', () => {
      const { result } = outcome
      const context = { repository: 'octo/repo', workflow: text, path: text }
      expect({
        text: record(label, 'text', auditText(formatText(result), result)),
        json: record(label, 'json', auditJson(formatJson(result, context), result, context)),
        sarif: record(label, 'sarif', auditSarif(formatSarif(result), result))
      }).toEqual({ text: [], json: [], sarif: [] })
      expect(formatText(result)).toContain(escapeLogLine(text).slice(0, 12))
    })
  }
)

describe('all hostile strings', () => {
  it('rendered unescaped in no sink', () => {
    expect(leaks).toEqual([])
    expect(checked.size).toBe(HOSTILE.length * 8)
  })

  it('cannot end a hidden marker early', () => {
    for (const [, text] of HOSTILE)
      for (const key of [text, `${text}--->`, `a---${text}`, '--!>'])
        expect(commentMarker(key)).toMatch(/^<!-- mcp-lint:comment (?:(?!--).)* -->$/s)
    expect(commentMarker('CI .')).toBe('<!-- mcp-lint:comment CI . -->')
    expect(commentMarker('a--b')).toBe('<!-- mcp-lint:comment a- -b -->')
  })
})
