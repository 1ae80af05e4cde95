import { describe, expect, it } from '@jest/globals'
import { tmpdir } from 'node:os'
import { baseCommit, baseShaOf } from '../../src/action/base-commit.js'
import type { GitHubApi } from '../../src/action/github-api.js'

const sha = 'b'.repeat(40)

describe('the base commit of an untrusted run', () => {
  it.each([
    ['pull_request', { pull_request: { base: { sha } } }],
    ['pull_request_target', { pull_request: { base: { sha } } }],
    ['merge_group', { merge_group: { base_sha: sha, head_sha: 'c'.repeat(40) } }]
  ])('%s: from the payload', (event, payload) => {
    expect(baseShaOf(event, payload)).toBe(sha)
  })

  it.each(['push', 'schedule', 'workflow_dispatch'])(
    '%s: none, the checkout is trusted',
    (event) => {
      expect(baseShaOf(event, { pull_request: { base: { sha } } })).toBeUndefined()
    }
  )

  it('refuses a pull request event without a base commit rather than trusting the branch', () => {
    expect(() => baseShaOf('pull_request', { pull_request: { base: { sha: '' } } })).toThrow(
      'the pull_request event names no base commit'
    )
    expect(() => baseShaOf('merge_group', {})).toThrow('the merge_group event names no base commit')
  })

  it('reads through the API when git lacks the commit, and fails on anything but not-found', async () => {
    const lines: string[] = []
    const api = {
      readFile: (path: string) =>
        path === 'sub/missing.json'
          ? Promise.resolve(null)
          : Promise.reject(Object.assign(new Error('Server Error'), { status: 502 }))
    } as unknown as GitHubApi
    const base = await baseCommit(tmpdir(), sha, api, 'sub', (line) => lines.push(line))
    expect(lines).toEqual([
      'mcp-lint: settings and lockfile from the base commit bbbbbbb (contents API)'
    ])
    expect(await base.read('missing.json')).toBeNull()
    await expect(base.read('mcp-lint.json')).rejects.toThrow(
      'cannot read sub/mcp-lint.json from the base commit bbbbbbb (HTTP 502: Server Error); the job needs "contents: read". Not falling back to this branch\'s copy, which the pull request controls'
    )
    await expect(baseCommit(tmpdir(), sha, undefined, '', () => undefined)).rejects.toThrow(
      'give the step github-token (contents: read) or check out with fetch-depth: 0'
    )
  })
})
