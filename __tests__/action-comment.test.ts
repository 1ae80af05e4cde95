import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { chromium } from 'playwright-core'
import { ActionHarness, base, head1, head2, pullRequestEvent } from './helpers/action-run.js'
import { browserAvailable, CHROMIUM, CHROMIUM_ARGS } from './helpers/browser.js'
import { fakeToken } from './helpers/fake-tokens.js'

const harness = new ActionHarness()
const { github } = harness
const token = fakeToken('github-pat', 11)

beforeAll(async () => {
  await harness.start()
})
afterAll(async () => {
  await harness.stop()
})

/** Findings of every severity, a leaked token among them, several with a mechanical fix. */
const config = `{
  "mcpServers": {
    "github-issues": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${token}", "ORG": "\${env:GITHUB_ORG}" }
    },
    "docs-search": { "url": "https://docs.example.com/mcp" },
    "repo-tools": { "command": "node", "arg": ["./tools/server.mjs"] }
  }
}
`

describe('the pull request comment, posted by the built Action', () => {
  it('leads with the leaked secret, links every finding to its line, counts the fixes, repeats nothing, and renders cleanly in a browser', async () => {
    const dir = harness.workspace({ '.mcp.json': config })
    github.pulls.set(21, { head: head1, files: [] })
    const run = await harness.run(dir, pullRequestEvent(21, head1), {
      'json-file': 'out/mcp-lint.json'
    })
    expect(run.code).toBe(1)
    const body = github.comments.get(21)?.[0]?.body ?? ''
    const report = JSON.parse(readFileSync(join(dir, 'out/mcp-lint.json'), 'utf8')) as {
      diagnostics: { ruleId: string; severity: string; line: number; fix?: unknown }[]
    }
    const fixable = report.diagnostics.filter((d) => d.fix !== undefined).length
    expect(fixable).toBeGreaterThanOrEqual(3)

    const lines = body.split('\n')
    // Errors first, and within them the leaked token before anything else.
    const headings = lines.filter((line) => line.startsWith('#### '))
    expect(headings[0]).toMatch(/^#### 🔴 Errors \(\d+\)$/)
    expect(new Set(headings).size).toBe(headings.length)
    expect(lines[lines.indexOf(headings[0] ?? '') + 2]).toBe('**server-secret**')
    // Each finding once, linked to its line at the pull request's head.
    const findings = lines.filter((line) => line.startsWith('- '))
    expect(findings).toHaveLength(report.diagnostics.length)
    expect(new Set(findings).size).toBe(findings.length)
    for (const line of findings)
      expect(line).toMatch(
        new RegExp(
          `^- \\[\`\\.mcp\\.json:\\d+:\\d+\`\\]\\(https://github\\.test/octo/repo/blob/${head1}/\\.mcp\\.json#L\\d+\\) `
        )
      )
    expect(body).toContain(
      `🔧 ${fixable} of them have a mechanical fix: run \`mcp-lint check --fix\``
    )
    expect(body).not.toContain(token)

    if (!browserAvailable()) return
    const html = micromark(body, {
      allowDangerousHtml: true,
      extensions: [gfm()],
      htmlExtensions: [gfmHtml()]
    })
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 800 } })
      await page.setContent(
        `<!doctype html><meta charset="utf-8"><style>body{font:14px -apple-system,Segoe UI,sans-serif;max-width:860px;margin:16px}code{background:#eff1f3;padding:0 3px;border-radius:4px}</style><body>${html}</body>`
      )
      const shown = await page.locator('body').innerText()
      // What a reviewer sees: no Markdown left unrendered, no escape showing.
      expect(shown).not.toMatch(/`|\*\*|\\|^#/m)
      expect(await page.locator('h4').allInnerTexts()).toEqual(headings.map((h) => h.slice(5)))
      expect(await page.locator('li a').count()).toBe(report.diagnostics.length)
      expect(await page.locator('li a').first().getAttribute('href')).toMatch(
        new RegExp(`^https://github\\.test/octo/repo/blob/${head1}/\\.mcp\\.json#L\\d+$`)
      )
      const firstRule = page.locator('h4').first().locator('xpath=following-sibling::p[1]')
      expect(await firstRule.innerText()).toBe('server-secret')
      const shots = process.env.MCP_LINT_SCREENSHOT_DIR ?? join(harness.scratch, 'screenshots')
      mkdirSync(shots, { recursive: true })
      const file = join(shots, 'pull-request-comment.png')
      await page.screenshot({ path: file, fullPage: true })
      expect(statSync(file).size).toBeGreaterThan(10_000)
    } finally {
      await browser.close()
    }
  }, 120_000)

  it('suggests one-line fixes on the lines the pull request changed, each once, when asked', async () => {
    const lock = {
      lockfileVersion: 1,
      servers: {
        'github-issues': {
          launch: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] },
          package: { name: '@modelcontextprotocol/server-github', version: '2025.4.8' },
          tools: {}
        }
      }
    }
    // In a pull request the lockfile is the base branch's, read through the API.
    github.contents.set(`${base}:.agents/mcp/mcp-lock.json`, JSON.stringify(lock))
    // Suggestions go on the head: the file there is the one checked.
    github.contents.set(`${head1}:.mcp.json`, config)
    const dir = harness.workspace({
      '.mcp.json': config,
      '.agents/mcp/mcp-lock.json': JSON.stringify(lock)
    })
    const lines = config.split('\n')
    // The pull request added the env line (token, reference) and the repo-tools line (typo).
    const patch = ['@@ -1,0 +1,11 @@', ...lines.slice(0, 11).map((line) => `+${line}`)].join('\n')
    github.pulls.set(22, { head: head1, files: [{ filename: '.mcp.json', patch }] })
    const first = await harness.run(dir, pullRequestEvent(22, head1), { suggestions: 'true' })
    expect(first.code).toBe(1)
    const posted = github.reviewComments.get(22) ?? []
    // Line 6 gets the token's block only: the reference's block would still show the token.
    const byLine = new Map(posted.map((comment) => [comment.line, comment]))
    expect(byLine.get(9)?.body).toBe(
      [
        '<!-- mcp-lint:suggestion -->',
        '**config-unknown-field**: Claude Code does not read "arg"; it is ignored \\(did you mean "args"?\\)',
        '',
        '```suggestion',
        '    "repo-tools": { "command": "node", "args": ["./tools/server.mjs"] }',
        '```'
      ].join('\n')
    )
    expect(byLine.get(5)?.body).toContain(
      '      "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"],'
    )
    expect(byLine.get(6)?.body).toContain(
      '"${GITHUB_PERSONAL_ACCESS_TOKEN}", "ORG": "${env:GITHUB_ORG}"'
    )
    expect(posted.filter((comment) => comment.line === 6)).toHaveLength(1)
    for (const comment of posted) {
      expect(comment).toMatchObject({ path: '.mcp.json', side: 'RIGHT', commit_id: head1 })
      expect(comment.body).not.toContain(token)
    }
    // Run again: nothing new is posted.
    await harness.run(dir, pullRequestEvent(22, head1), { suggestions: 'true' })
    expect(github.reviewComments.get(22)).toHaveLength(posted.length)
  }, 120_000)

  it('suggests nothing for a file the head has otherwise than the checkout (the merge commit)', async () => {
    const dir = harness.workspace({ '.mcp.json': config })
    const patch = [
      '@@ -1,0 +1,11 @@',
      ...config
        .split('\n')
        .slice(0, 11)
        .map((l) => `+${l}`)
    ].join('\n')
    github.pulls.set(23, { head: head2, files: [{ filename: '.mcp.json', patch }] })
    github.contents.set(`${head2}:.mcp.json`, config.replace('repo-tools', 'repo-tools-2'))
    await harness.run(dir, pullRequestEvent(23, head2), { suggestions: 'true' })
    expect(github.reviewComments.get(23) ?? []).toEqual([])
  }, 120_000)
})
