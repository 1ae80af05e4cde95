/**
 * The structure check (`npm run structure`, run by CI): no import cycle in src/, type imports
 * included; the layers below, in the order data flows, import only downwards; and nothing but the
 * Action imports @actions/*, nor anything but the runner the MCP SDK.
 */

/**
 * From the bottom up. A module may import its own layer and the ones before it. Type-only imports
 * are exempt: the model names the platform and lockfile types its fields hold, and that is data,
 * not control, flowing upwards.
 */
const layers = [
  ['util', '^src/util/', '^src/version\\.ts$'],
  ['model', '^src/model/'],
  ['parse and detect', '^src/parse/', '^src/detect/'],
  ['discover', '^src/discover/'],
  ['canonical form', '^src/canonical/'],
  ['platforms', '^src/platforms/'],
  [
    'source, runner and lockfile format',
    '^src/source/',
    '^src/runner/',
    '^src/lockfile/lockfile\\.ts$',
    '^src/trust/settings-change\\.ts$'
  ],
  ['rules', '^src/rules/'],
  [
    'config, trust, engine and result',
    '^src/config/',
    '^src/trust/(?!settings-change\\.ts$)',
    '^src/engine\\.ts$',
    '^src/baseline/',
    '^src/result/'
  ],
  ['lint', '^src/lint\\.ts$', '^src/lint-text\\.ts$', '^src/pipeline/'],
  [
    'commands and reporters',
    '^src/lockfile/lock\\.ts$',
    '^src/sync/',
    '^src/fix/',
    '^src/init/',
    '^src/reporters/'
  ],
  ['shells', '^src/cli/', '^src/action/']
]

const pathOf = (layer) => `(${layer.slice(1).join('|')})`

const layerRules = layers.slice(0, -1).map((layer, index) => ({
  name: `layer-${layer[0].replaceAll(/[^a-z]+/g, '-')}`,
  severity: 'error',
  comment: `${layer[0]} must not import a higher layer (${layers
    .slice(index + 1)
    .map((higher) => higher[0])
    .join(', ')})`,
  from: { path: pathOf(layer) },
  to: {
    path: layers
      .slice(index + 1)
      .map(pathOf)
      .join('|'),
    dependencyTypesNot: ['type-only']
  }
}))

export default {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment:
        'Data flows one way: a cycle means two modules are one, or a type lives in the wrong one.',
      from: { path: '^src/' },
      to: { circular: true }
    },
    {
      name: 'no-unlayered-module',
      severity: 'error',
      comment:
        'Every module belongs to a layer: add a new folder to the list in depcruise.config.js.',
      from: { path: '^src/', pathNot: layers.map(pathOf).join('|') },
      to: {}
    },
    ...layerRules,
    {
      name: 'actions-only-in-the-action',
      severity: 'error',
      comment: 'Only the Action knows about GitHub.',
      from: { path: '^src/', pathNot: '^src/action/' },
      to: { path: 'node_modules/@actions/' }
    },
    {
      name: 'sdk-only-in-the-runner',
      severity: 'error',
      comment: 'Only the runner talks MCP to servers.',
      from: { path: '^src/', pathNot: '^src/runner/' },
      to: { path: 'node_modules/@modelcontextprotocol/sdk/' }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' }
  }
}
