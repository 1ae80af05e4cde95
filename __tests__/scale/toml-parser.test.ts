import { beforeAll, describe, expect, it } from '@jest/globals'
import { loadThoroughToml, parseToml } from '../../src/parse/toml.js'
import { SourceText } from '../../src/model/location.js'

// Texts the quick reader leaves to toml-eslint-parser need it loaded.
beforeAll(loadThoroughToml)

const parse = (text: string) => parseToml(new SourceText('config.toml', text))

describe('parseToml at scale', () => {
  it('reads 100,000 tables in linear time', () => {
    const tables = Array.from({ length: 100_000 }, (_, index) => `[t${index}]`).join('\n')
    const started = performance.now()
    const { root, problems } = parse(tables)
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(problems).toEqual([])
    expect(root?.kind === 'object' && root.properties.length).toBe(100_000)
  })
})
