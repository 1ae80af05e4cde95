import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import type { GitHubApi } from '../src/action/github-api.js'
import { run, type ActionIO } from '../src/action/main.js'
import { lint } from '../src/lint.js'
import { annotationsWithinBudget } from '../src/reporters/annotations.js'
import { formatJson } from '../src/reporters/json.js'
import { formatSarif } from '../src/reporters/sarif.js'
import { formatText } from '../src/reporters/text.js'
import { runCliInMemory } from './helpers/cli-run.js'
import { fakeJwt, fakeString, fakeToken } from './helpers/fake-tokens.js'
import { makeRepo } from './helpers/temp-repo.js'

/**
 * A repository full of secrets, spread over every place a value can be shown: drift between the
 * central source and a platform file (messages quote values), mismatches between files, a file
 * that does not parse right after a token, comments, headers, URLs and JSON inside strings. No
 * output of any command or format may contain any of them.
 */
const github = fakeToken('github-pat', 11)
const github2 = fakeToken('github-pat', 12)
const openai = fakeToken('openai-project', 13)
const slack = fakeToken('slack-bot-token', 14)
const tavily = fakeToken('tavily-api-key', 15)
const password = fakeString('alnum', 18, 16)
const bearer = fakeString('alnum', 40, 17)
const service = fakeJwt({ role: 'service_role', iss: 'supabase' }, 18)
const secrets = [github, github2, openai, slack, tavily, password, bearer, service]

const repo = makeRepo({
  '.agents/mcp/mcp-servers.json': JSON.stringify(
    {
      mcpServers: {
        github: {
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'],
          env: { GITHUB_PERSONAL_ACCESS_TOKEN: github }
        },
        db: {
          command: 'npx',
          args: ['-y', 'pg-mcp@1.0.0', `postgresql://app:${password}@db.internal/app`]
        },
        search: { type: 'http', url: `https://mcp.tavily.com/mcp/?tavilyApiKey=${tavily}` }
      }
    },
    null,
    2
  ),
  '.mcp.json': JSON.stringify(
    {
      mcpServers: {
        github: {
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-github@2025.4.8', '--token', github2],
          env: { GITHUB_PERSONAL_ACCESS_TOKEN: github2, OPENAI_API_KEY: openai }
        },
        db: { command: 'npx', args: ['-y', 'pg-mcp@1.0.0', `postgresql://app:${password}x@db/app`] }
      }
    },
    null,
    2
  ),
  '.gemini/settings.json': `{\n  // ${slack}\n  "mcpServers": {\n    "sb": { "url": "https://x.supabase.co/mcp", "headers": { "Authorization": "Bearer ${bearer}", "apikey": "${service}" } }\n  }\n}\n`,
  '.cursor/mcp.json': `{ "mcpServers": { "github": { "env": { "T": "${github}" ${openai} } } } }`,
  '.codex/config.toml': `[mcp_servers.github]\ncommand = "npx"\nargs = ["-y", "x@1.0.0"]\nbearer_token = "${github}"\nenv = { K = ${slack} }\n`
})
afterAll(repo.remove)

/** Fails naming where and which secret (by index, never by value) an output shows. */
function expectNoSecret(output: string, where: string): void {
  // The last 12 characters: any part of the random tail would be a partial leak.
  const leaks = secrets
    .map((secret, index) =>
      output.includes(secret.slice(-12)) ? `${where}: secret #${index}` : ''
    )
    .filter((leak) => leak !== '')
  expect(leaks).toEqual([])
}

describe('secrets never leave the process', () => {
  it('the rules find them all', async () => {
    const result = await lint({ root: repo.root })
    const found = result.diagnostics.filter((d) => d.ruleId === 'server-secret')
    expect(found.length).toBeGreaterThanOrEqual(8)
    expect(result.diagnostics.length).toBeGreaterThan(found.length)
  })

  it.each(['text', 'json', 'sarif'])(
    'in %s output, through lint() and the reporters',
    async (format) => {
      const result = await lint({ root: repo.root })
      const output =
        format === 'text'
          ? formatText(result)
          : format === 'json'
            ? formatJson(result)
            : formatSarif(result)
      expect(output.length).toBeGreaterThan(100)
      expectNoSecret(output, format)
    }
  )

  it('in annotations', async () => {
    const result = await lint({ root: repo.root })
    const { annotations } = annotationsWithinBudget(result.diagnostics, '')
    expectNoSecret(JSON.stringify(annotations), 'annotations')
  })

  it.each([
    [['check', '--format', 'text']],
    [['check', '--format', 'json']],
    [['check', '--format', 'sarif']],
    [['sync', '--check']],
    [['rules']]
  ])('in the CLI: %j', async (argv) => {
    const run = await runCliInMemory([...argv, ...(argv[0] === 'rules' ? [] : [repo.root])])
    expectNoSecret(run.stdout + run.stderr + [...run.written.values()].join(''), argv.join(' '))
  })

  it('in the Action: annotations, log lines, outputs, the job summary, the PR comment and report files', async () => {
    const seen: string[] = []
    const io: ActionIO = {
      getInput: (name) =>
        ({
          path: repo.root,
          enumerate: 'false',
          'json-file': 'r.json',
          'sarif-file': 'r.sarif',
          'github-token': 't',
          comment: 'true'
        })[name] ?? '',
      setOutput: (name, value) => seen.push(`${name}=${String(value)}`),
      annotate: (level, message, properties) =>
        seen.push(level, message, JSON.stringify(properties)),
      info: (message) => seen.push(message),
      warning: (message) => seen.push(message),
      setFailed: (message) => seen.push(message),
      writeSummary: (markdown) => {
        seen.push(markdown)
        return Promise.resolve()
      },
      writeFile: (_path, text) => {
        seen.push(text)
        return Promise.resolve()
      },
      context: {
        eventName: 'pull_request',
        payload: {
          pull_request: { number: 1, head: { sha: 'a'.repeat(40) }, base: { sha: 'b'.repeat(40) } }
        },
        repository: 'octo/repo',
        workflow: 'CI',
        sha: 'a'.repeat(40),
        runUrl: undefined,
        workspace: process.cwd()
      },
      api: () =>
        ({
          listIssueComments: () => Promise.resolve([]),
          createIssueComment: (_issue: number, body: string) => {
            seen.push(body)
            return Promise.resolve({ id: 1, body, url: 'u' })
          },
          changedLines: () => Promise.resolve(new Map()),
          readFile: () => Promise.resolve(null)
        }) as unknown as GitHubApi
    }
    await run(io)
    expect(seen.length).toBeGreaterThan(10)
    expect(seen.some((text) => text.startsWith('<!-- mcp-lint:comment'))).toBe(true)
    expect(seen.some((text) => text.startsWith('## mcp-lint'))).toBe(true)
    expectNoSecret(seen.join('\n'), 'the Action')
  })

  it('in the bundled CLI, as users run it', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const result = spawnSync(
        process.execPath,
        ['dist/cli/index.js', 'check', repo.root, '--format', format],
        { encoding: 'utf8' }
      )
      expect(result.status).toBe(1)
      expectNoSecret(result.stdout + result.stderr, `dist ${format}`)
    }
  })
})
