import { describe, expect, it } from '@jest/globals'
import { replaceSecrets } from '../../src/sync/init-secrets.js'

describe('replaceSecrets', () => {
  it('names the variable after the env key, the flag before an argument, or the server', () => {
    const token = 'ghp_' + 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'
    const other = 'ghp_' + 'ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210'
    const taken = new Set<string>()
    const first = replaceSecrets(
      'db-tools',
      {
        command: 'npx',
        args: [
          '-y',
          'pkg@1.0.0',
          '--api-key',
          token,
          'postgres://app:s3cr3t-Pa55word@db.internal/app'
        ],
        env: { GITHUB_TOKEN: token, 'not-an-identifier': other, PLAIN: 'debug' }
      },
      taken
    )
    expect(first.value).toEqual({
      command: 'npx',
      args: [
        '-y',
        'pkg@1.0.0',
        '--api-key',
        '${API_KEY}',
        'postgres://app:${DB_TOOLS_SECRET_2}@db.internal/app'
      ],
      env: {
        GITHUB_TOKEN: '${GITHUB_TOKEN}',
        'not-an-identifier': '${DB_TOOLS_SECRET}',
        PLAIN: 'debug'
      }
    })
    expect(first.replaced.map((secret) => [secret.field, secret.variable, secret.masked])).toEqual([
      ['env.GITHUB_TOKEN', 'GITHUB_TOKEN', 'ghp_… (40 chars)'],
      ['env.not-an-identifier', 'DB_TOOLS_SECRET', 'ghp_… (40 chars)'],
      ['args[3]', 'API_KEY', 'ghp_… (40 chars)'],
      ['args[4]', 'DB_TOOLS_SECRET_2', expect.stringContaining('chars)')]
    ])
    // A second server's GITHUB_TOKEN is another secret: another variable.
    const second = replaceSecrets('gh', { command: 'x', env: { GITHUB_TOKEN: other } }, taken)
    expect(second.value.env).toEqual({ GITHUB_TOKEN: '${GITHUB_TOKEN_2}' })
    expect(JSON.stringify([first, second])).not.toContain('AbCdEf')
  })

  it('leaves references, placeholders and public keys as they are', () => {
    const entry = {
      command: 'x',
      env: { A: '${A}', B: 'your-api-key-here', C: 'changeme' }
    }
    expect(replaceSecrets('s', entry, new Set()).replaced).toEqual([])
  })
})
