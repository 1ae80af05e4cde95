import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  ActionHarness,
  base,
  head1,
  head2,
  pullRequestEvent as pullRequest,
  type ActionEvent
} from './helpers/action-run.js'

const harness = new ActionHarness()
const { github, scratch } = harness

beforeAll(async () => {
  await harness.start()
})
afterAll(async () => {
  await harness.stop()
})

const failing =
  '{\n  "mcpServers": {\n    "a": { "url": "https://x.example.com/mcp" },\n    "b": { "command": "node", "args": ["s.js"], "cwd": "." }\n  }\n}\n'
const clean =
  '{\n  "mcpServers": {\n    "a": { "type": "http", "url": "https://x.example.com/mcp" }\n  }\n}\n'

const workspace = (files: Record<string, string>) => harness.workspace(files)
const runAction = (
  dir: string,
  event: ActionEvent,
  inputs: Record<string, string>,
  env?: Record<string, string>
) => harness.run(dir, event, inputs, env)

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
    const first = await runAction(dir, pullRequest(7, head1), {
      'sarif-file': 'out/mcp-lint.sarif',
      'json-file': 'out/mcp-lint.json'
    })
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
    const second = await runAction(dir, pullRequest(7, head2), {})
    expect(second.code).toBe(1)
    expect(github.comments.get(7)).toHaveLength(1)
    expect(github.writes().map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /repos/octo/repo/issues/7/comments',
      `PATCH /repos/octo/repo/issues/comments/${comments[0]?.id}`
    ])
    expect(github.comments.get(7)?.[0]?.body).toContain('commit ccccccc')

    // Fixed: the comment becomes a short all-clear and the step passes.
    writeFileSync(join(dir, '.mcp.json'), clean)
    const third = await runAction(dir, pullRequest(7, head1), {})
    expect(third.code).toBe(0)
    expect(github.comments.get(7)).toHaveLength(1)
    expect(github.comments.get(7)?.[0]?.body).toMatch(/### ✅ mcp-lint: no findings/)
    expect(third.outputs['comment-url']).toBe(first.outputs['comment-url'])
  }, 60_000)

  it("applies the base commit's mcp-lint.json to a pull request that edits it, and says so", async () => {
    github.contents.set(`${base}:mcp-lint.json`, '{ "rules": { "config-unknown-field": "off" } }\n')
    try {
      const dir = workspace({
        '.mcp.json': failing,
        'mcp-lint.json': '{\n  "rules": { "config-unknown-field": "error" }\n}\n'
      })
      github.pulls.set(12, { head: head1, files: [] })
      const run = await runAction(dir, pullRequest(12, head1), { comment: 'true' })
      expect(run.code).toBe(1)
      expect(run.stdout).toContain(
        'mcp-lint: settings and lockfile from the base commit bbbbbbb (contents API)'
      )
      expect(run.stdout).not.toContain('mcp-lint(config-unknown-field)')
      expect(run.stdout).toContain(
        '::warning title=mcp-lint(settings-changed),file=mcp-lint.json,line=2,endLine=2,col=14'
      )
      const comment = github.comments.get(12)?.[0]?.body ?? ''
      expect(comment).toContain('settings-changed')
      expect(comment).toContain('takes effect after merge')
      expect(run.outputs).toMatchObject({ errors: '1', warnings: '1' })
    } finally {
      github.contents.delete(`${base}:mcp-lint.json`)
    }
  }, 60_000)

  it('fails on the fail-on level, and on-failure comments only when failing', async () => {
    const onlyWarning = workspace({
      '.mcp.json':
        '{\n  "mcpServers": {\n    "b": { "command": "node", "args": ["s.js"], "cwd": "." }\n  }\n}\n'
    })
    const event = pullRequest(11, head1)
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
      const run = await runAction(dir, pullRequest(8, head1), {})
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
    const checked = await runAction(dir, pullRequest(9, forkHead), {
      comment: 'false',
      'json-file': 'mcp-lint-report.json'
    })
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
