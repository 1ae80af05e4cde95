import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { FakeGitHub } from './github-server.js'
import { writeFiles } from './repo-files.js'

/**
 * The bundles under test: dist/, or MCP_LINT_DIST (a build of another commit, to show that a test
 * fails there).
 */
export const distDir = resolve(process.env.MCP_LINT_DIST ?? 'dist')

export const head1 = 'a'.repeat(40)
export const head2 = 'c'.repeat(40)
export const base = 'b'.repeat(40)

export interface ActionRun {
  readonly code: number | null
  /** stdout and stderr, in the order the runner would log them. */
  readonly stdout: string
  readonly summary: string
  readonly outputs: Record<string, string>
}

export interface ActionEvent {
  readonly name: string
  readonly payload: unknown
}

/**
 * The built Action (dist/action/index.js, copied away from node_modules) run with node exactly as
 * the runner runs it: INPUT_* variables, an event payload file, GITHUB_STEP_SUMMARY and
 * GITHUB_OUTPUT files, and GITHUB_API_URL pointing at a local server that plays GitHub's REST API
 * with state. The real Octokit client does the talking.
 */
export class ActionHarness {
  readonly scratch = mkdtempSync(join(tmpdir(), 'mcp-lint-e2e-'))
  readonly github = new FakeGitHub()
  readonly bundle = join(this.scratch, 'action/index.js')
  #apiUrl = ''

  async start(): Promise<void> {
    cpSync(join(distDir, 'action'), join(this.scratch, 'action'), { recursive: true })
    this.#apiUrl = await this.github.start()
  }

  async stop(): Promise<void> {
    await this.github.stop()
    rmSync(this.scratch, { recursive: true, force: true })
  }

  /** A new checkout with these files (paths may hold any character a file name can). */
  workspace(files: Record<string, string>): string {
    const dir = mkdtempSync(join(this.scratch, 'ws-'))
    writeFiles(dir, files)
    return dir
  }

  async run(
    dir: string,
    event: ActionEvent,
    inputs: Record<string, string>,
    env: Record<string, string> = {}
  ): Promise<ActionRun> {
    const files = mkdtempSync(join(this.scratch, 'run-'))
    const paths = {
      event: join(files, 'event.json'),
      summary: join(files, 'summary.md'),
      output: join(files, 'output.txt')
    }
    writeFileSync(paths.event, JSON.stringify(event.payload))
    writeFileSync(paths.summary, '')
    writeFileSync(paths.output, '')
    const variables: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      GITHUB_ACTIONS: 'true',
      GITHUB_API_URL: this.#apiUrl,
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
      INPUT_ENUMERATE: 'false',
      ...env
    }
    for (const [name, value] of Object.entries(inputs))
      variables[`INPUT_${name.toUpperCase()}`] = value
    const child = spawn(process.execPath, [this.bundle], { cwd: dir, env: variables })
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
}

export function pullRequestEvent(number: number, head: string, baseSha = base): ActionEvent {
  return {
    name: 'pull_request',
    payload: {
      action: 'synchronize',
      number,
      pull_request: {
        number,
        state: 'open',
        head: { sha: head, ref: 'feature', repo: { full_name: 'octo/repo', fork: false } },
        base: { sha: baseSha, ref: 'main', repo: { full_name: 'octo/repo' } }
      },
      repository: { full_name: 'octo/repo', name: 'repo', owner: { login: 'octo' } }
    }
  }
}

/** GITHUB_OUTPUT's heredoc format: `name<<delimiter`, the value, the delimiter. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  for (const match of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm))
    outputs[match[1] ?? ''] = match[3] ?? ''
  return outputs
}
