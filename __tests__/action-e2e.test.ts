import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FakeGitHub } from './helpers/github-server.js'

/**
 * The built Action (dist/action/index.js, copied away from node_modules) run with node exactly as
 * the runner runs it: INPUT_* variables, an event payload file, GITHUB_STEP_SUMMARY and
 * GITHUB_OUTPUT files, and GITHUB_API_URL pointing at a local server that plays GitHub's REST API
 * with state. The real Octokit client does the talking.
 */
const scratch = mkdtempSync(join(tmpdir(), 'mcp-lint-e2e-'))
const bundle = join(scratch, 'action/index.js')
const github = new FakeGitHub()
let apiUrl = ''

beforeAll(async () => {
  cpSync('dist/action', join(scratch, 'action'), { recursive: true })
  apiUrl = await github.start()
})
afterAll(async () => {
  await github.stop()
  rmSync(scratch, { recursive: true, force: true })
})

const head1 = 'a'.repeat(40)
const head2 = 'c'.repeat(40)
const base = 'b'.repeat(40)

const failing =
  '{\n  "mcpServers": {\n    "a": { "url": "https://x.example.com/mcp" },\n    "b": { "command": "node", "args": ["s.js"], "cwd": "." }\n  }\n}\n'
const clean =
  '{\n  "mcpServers": {\n    "a": { "type": "http", "url": "https://x.example.com/mcp" }\n  }\n}\n'

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(scratch, 'ws-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

function pullRequestEvent(number: number, head: string) {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      state: 'open',
      head: { sha: head, ref: 'feature', repo: { full_name: 'octo/repo', fork: false } },
      base: { sha: base, ref: 'main', repo: { full_name: 'octo/repo' } }
    },
    repository: { full_name: 'octo/repo', name: 'repo', owner: { login: 'octo' } }
  }
}

interface ActionRun {
  readonly code: number | null
  readonly stdout: string
  readonly summary: string
  readonly outputs: Record<string, string>
}

async function runAction(
  dir: string,
  event: { name: string; payload: unknown },
  inputs: Record<string, string>
): Promise<ActionRun> {
  const files = mkdtempSync(join(scratch, 'run-'))
  const paths = {
    event: join(files, 'event.json'),
    summary: join(files, 'summary.md'),
    output: join(files, 'output.txt')
  }
  writeFileSync(paths.event, JSON.stringify(event.payload))
  writeFileSync(paths.summary, '')
  writeFileSync(paths.output, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.test',
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: paths.event,
    GITHUB_STEP_SUMMARY: paths.summary,
    GITHUB_OUTPUT: paths.output,
    GITHUB_WORKSPACE: dir,
    GITHUB_WORKFLOW: 'MCP lint',
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: head1,
    'INPUT_GITHUB-TOKEN': 'test-token',
    INPUT_ENUMERATE: 'false'
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const child = spawn(process.execPath, [bundle], { cwd: dir, env })
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return {
    code,
    stdout,
    summary: readFileSync(paths.summary, 'utf8'),
    outputs: parseOutputs(readFileSync(paths.output, 'utf8'))
  }
}

/** GITHUB_OUTPUT's heredoc format: `name<<delimiter`, the value, the delimiter. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  for (const match of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm))
    outputs[match[1] ?? ''] = match[3] ?? ''
  return outputs
}

describe('the Action, run from dist/ against a local GitHub API', () => {
  it('annotates, summarises, comments once and updates that comment on every push', async () => {
    const dir = workspace({ '.mcp.json': failing })
    github.pulls.set(7, {
      head: head1,
      files: [
        {
          filename: '.mcp.json',
          patch:
            '@@ -1,5 +1,6 @@\n {\n   "mcpServers": {\n-    "a": {}\n+    "a": { "url": "https://x.example.com/mcp" },\n+    "b": { "command": "node", "args": ["s.js"], "cwd": "." }\n   }\n'
        }
      ]
    })
    const first = await runAction(
      dir,
      { name: 'pull_request', payload: pullRequestEvent(7, head1) },
      {
        'sarif-file': 'out/mcp-lint.sarif',
        'json-file': 'out/mcp-lint.json'
      }
    )
    expect(first.code).toBe(1)
    expect(first.stdout).toContain(
      '::error title=mcp-lint(config-schema),file=.mcp.json,line=3,endLine=3,col=5,endColumn=8::server "a"'
    )
    expect(first.stdout).toContain(
      '::warning title=mcp-lint(config-unknown-field),file=.mcp.json,line=4'
    )
    expect(first.stdout).toContain('::error::mcp-lint found 1 finding at or above "error"')
    expect(first.summary).toMatch(
      /^## mcp-lint\n\n\*\*1 error\*\*, 1 warning, 0 notices in 1 config file with 2 servers/
    )
    expect(first.summary).toContain('### Findings')
    expect(first.summary).toContain('### Tools per platform')
    expect(first.outputs).toMatchObject({
      errors: '1',
      warnings: '1',
      notices: '0',
      servers: '2',
      tools: '0',
      drift: 'false',
      'sarif-file': 'out/mcp-lint.sarif',
      'json-file': 'out/mcp-lint.json'
    })
    expect(first.outputs['comment-url']).toMatch(/^https:\/\/github\.test\/c\//)
    expect(JSON.parse(readFileSync(join(dir, 'out/mcp-lint.json'), 'utf8'))).toMatchObject({
      github: { repository: 'octo/repo', pullRequest: 7, headSha: head1, workflow: 'MCP lint' }
    })
    expect(readFileSync(join(dir, 'out/mcp-lint.sarif'), 'utf8')).toContain('"version": "2.1.0"')
    expect(
      github.requests.map((request) => `${request.method} ${request.path.split('?')[0]}`)
    ).toEqual(
      expect.arrayContaining([
        'GET /repos/octo/repo/pulls/7/files',
        'GET /repos/octo/repo/issues/7/comments',
        'POST /repos/octo/repo/issues/7/comments'
      ])
    )
    const comments = github.comments.get(7) ?? []
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toMatch(
      /^<!-- mcp-lint:comment MCP lint \. -->\n### ❌ mcp-lint: 1 error, 1 warning, 0 notices/
    )
    expect(comments[0]?.body).toContain(
      '[workflow run](https://github.test/octo/repo/actions/runs/4242)'
    )

    // A new push: the same comment, edited.
    const second = await runAction(
      dir,
      { name: 'pull_request', payload: pullRequestEvent(7, head2) },
      {}
    )
    expect(second.code).toBe(1)
    expect(github.comments.get(7)).toHaveLength(1)
    expect(github.writes().map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /repos/octo/repo/issues/7/comments',
      `PATCH /repos/octo/repo/issues/comments/${comments[0]?.id}`
    ])
    expect(github.comments.get(7)?.[0]?.body).toContain('commit ccccccc')

    // Fixed: the comment becomes a short all-clear and the step passes.
    writeFileSync(join(dir, '.mcp.json'), clean)
    const third = await runAction(
      dir,
      { name: 'pull_request', payload: pullRequestEvent(7, head1) },
      {}
    )
    expect(third.code).toBe(0)
    expect(github.comments.get(7)).toHaveLength(1)
    expect(github.comments.get(7)?.[0]?.body).toMatch(/### ✅ mcp-lint: no findings/)
    expect(third.outputs['comment-url']).toBe(first.outputs['comment-url'])
  }, 60_000)

  it('fails on the fail-on level, and on-failure comments only when failing', async () => {
    const onlyWarning = workspace({
      '.mcp.json':
        '{\n  "mcpServers": {\n    "b": { "command": "node", "args": ["s.js"], "cwd": "." }\n  }\n}\n'
    })
    const event = { name: 'pull_request', payload: pullRequestEvent(11, head1) }
    github.pulls.set(11, { head: head1, files: [] })
    expect((await runAction(onlyWarning, event, {})).code).toBe(0)
    expect(github.comments.get(11)).toBeUndefined()
    expect((await runAction(onlyWarning, event, { 'fail-on': 'warning' })).code).toBe(1)
    expect(github.comments.get(11)).toHaveLength(1)
    expect(
      (await runAction(onlyWarning, event, { 'fail-on': 'never', comment: 'false' })).code
    ).toBe(0)
    const bad = await runAction(onlyWarning, event, { 'fail-on': 'sometimes' })
    expect(bad.code).toBe(1)
    expect(bad.stdout).toContain(
      '::error::mcp-lint input fail-on must be one of error, warning, notice, never'
    )
  }, 60_000)

  it('warns, and does not crash, when the token cannot comment (a fork)', async () => {
    const dir = workspace({ '.mcp.json': failing })
    github.pulls.set(8, { head: head1, files: [] })
    github.readOnly = true
    try {
      const run = await runAction(
        dir,
        { name: 'pull_request', payload: pullRequestEvent(8, head1) },
        {}
      )
      expect(run.code).toBe(1)
      expect(run.stdout).toContain('::warning::could not comment on pull request #8 (HTTP 403')
      expect(run.stdout).not.toContain('internal error')
      expect(run.outputs['comment-url']).toBe('')
      expect(run.summary).toContain('## mcp-lint')
    } finally {
      github.readOnly = false
    }
  }, 60_000)

  it("posts a fork's report from a workflow_run, after checking the pull request head", async () => {
    const dir = workspace({ '.mcp.json': failing })
    const forkHead = 'd'.repeat(40)
    github.pulls.set(9, { head: forkHead, files: [] })
    // The pull_request half: read-only, no comment, the report as an artifact.
    github.readOnly = true
    const checked = await runAction(
      dir,
      { name: 'pull_request', payload: pullRequestEvent(9, forkHead) },
      {
        comment: 'false',
        'json-file': 'mcp-lint-report.json'
      }
    )
    github.readOnly = false
    expect(checked.code).toBe(1)
    const report = join(dir, 'mcp-lint-report.json')
    // The workflow_run half reads it (downloaded next to it) and posts.
    const workflowRun = {
      name: 'workflow_run',
      payload: {
        action: 'completed',
        workflow_run: { head_sha: forkHead, event: 'pull_request', pull_requests: [] },
        repository: { full_name: 'octo/repo', name: 'repo', owner: { login: 'octo' } }
      }
    }
    const posted = await runAction(scratch, workflowRun, { mode: 'report', 'json-file': report })
    expect(posted.code).toBe(1)
    expect(github.comments.get(9)).toHaveLength(1)
    expect(github.comments.get(9)?.[0]?.body).toMatch(/^<!-- mcp-lint:comment MCP lint \. -->/)
    expect(github.checkRuns).toHaveLength(1)
    expect(github.checkRuns[0]?.body).toMatchObject({
      head_sha: forkHead,
      conclusion: 'failure',
      output: {
        annotations: [
          expect.objectContaining({
            path: '.mcp.json',
            start_line: 3,
            annotation_level: 'failure'
          }),
          expect.objectContaining({ path: '.mcp.json', start_line: 4, annotation_level: 'warning' })
        ]
      }
    })
    expect(posted.summary).toContain('## mcp-lint')

    // A report that names another commit than the pull request's head is refused.
    const tampered = JSON.parse(readFileSync(report, 'utf8')) as { github: { headSha: string } }
    tampered.github.headSha = 'e'.repeat(40)
    writeFileSync(report, JSON.stringify(tampered))
    const refused = await runAction(scratch, workflowRun, { mode: 'report', 'json-file': report })
    expect(refused.code).toBe(1)
    expect(refused.stdout).toContain('refusing to post it')
    expect(github.comments.get(9)).toHaveLength(1)
    expect(github.checkRuns).toHaveLength(1)

    // A file that is not a report is refused before any field is used.
    writeFileSync(
      report,
      JSON.stringify({ schemaVersion: 1, diagnostics: [{ file: '/etc/passwd' }] })
    )
    const invalid = await runAction(scratch, workflowRun, { mode: 'report', 'json-file': report })
    expect(invalid.code).toBe(1)
    expect(invalid.stdout).toContain('is not an mcp-lint report')
  }, 60_000)

  it('opens one drift issue on a schedule while servers drift, and closes it when they stop', async () => {
    const dir = workspace({
      '.mcp.json': JSON.stringify({
        mcpServers: { mutable: { command: 'node', args: ['servers/mutable.mjs'] } }
      })
    })
    cpSync('fixtures/hostile/servers', join(dir, 'servers'), { recursive: true })
    // Lock the tools as they are, then let the server change what it lists.
    const lock = spawnSync(
      process.execPath,
      [join(process.cwd(), 'dist/cli/index.js'), 'lock', dir],
      {
        encoding: 'utf8'
      }
    )
    expect(lock.status).toBe(0)
    const tools = join(dir, 'servers/mutable-tools.json')
    const original = readFileSync(tools, 'utf8')
    const changed = JSON.parse(original) as Record<string, unknown>[]
    changed.push({
      name: 'exfiltrate',
      description: 'A tool that was not there before.',
      inputSchema: { type: 'object' }
    })
    writeFileSync(tools, JSON.stringify(changed))
    const schedule = { name: 'schedule', payload: { schedule: '0 6 * * 1' } }
    const drifted = await runAction(dir, schedule, {
      mode: 'drift',
      'drift-issue': 'true',
      sandbox: 'bwrap'
    })
    expect(drifted.outputs.drift).toBe('true')
    expect(drifted.code).toBe(1)
    expect(drifted.summary).toMatch(/^## mcp-lint: drift found/)
    expect(drifted.summary).toContain('### Tool changes since the lockfile')
    const open = github.issues.filter((issue) => issue.state === 'open')
    expect(open).toHaveLength(1)
    expect(open[0]?.title).toBe('mcp-lint: MCP servers drifted (.)')
    expect(open[0]?.body).toContain('exfiltrate')

    // Still drifting: the same issue, not a second one.
    await runAction(dir, schedule, { mode: 'drift', 'drift-issue': 'true', sandbox: 'bwrap' })
    expect(github.issues).toHaveLength(1)

    writeFileSync(tools, original)
    const fixed = await runAction(dir, schedule, {
      mode: 'drift',
      'drift-issue': 'true',
      sandbox: 'bwrap'
    })
    expect(fixed.outputs.drift).toBe('false')
    expect(fixed.code).toBe(0)
    expect(github.issues[0]?.state).toBe('closed')
    expect(github.issues[0]?.body).toContain('No drift any more')
  }, 120_000)
})
