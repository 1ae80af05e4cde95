import { describe, expect, it } from '@jest/globals'
import { findSecrets } from '../../src/detect/secrets.js'
import { fakeString, fakeToken } from '../helpers/fake-tokens.js'

describe('performance', () => {
  const megabyte = 1024 * 1024
  const fill = (unit: string) => unit.repeat(Math.ceil(megabyte / unit.length)).slice(0, megabyte)

  it.each([
    ['random text', fakeString('alnum', megabyte, 1)],
    ['prose', fill('lorem ipsum dolor sit amet, token bearer basic ')],
    ['tokens', fill(`${fakeToken('github-pat')} ${fakeToken('openai-project')} `)],
    ['URL starts', fill('a://')],
    ['URL userinfo', fill('a://u:p@')],
    ['JWT starts', fill('eyJabcd.')],
    ['PEM starts', fill('-----BEGIN PRIVATE KEY-----')],
    ['templates', fill('${{__A__<a')],
    ['OpenAI prefixes', fill('sk-proj-')]
  ])('scans 1 MB of %s in well under a second', (_, value) => {
    for (const key of [undefined, 'API_KEY']) {
      const started = performance.now()
      findSecrets(value, { key })
      expect(performance.now() - started).toBeLessThan(1000)
    }
  })
})
