import packageJson from '../package.json' with { type: 'json' }

/** The bundles carry package.json's version, inlined at build time (ncc bundles the JSON). */
export const TOOL_NAME = 'mcp-lint'
export const VERSION: string = packageJson.version
/** Where the Action lives: `uses: mcp-lint/mcp-lint@v1`. */
export const ACTION_REPOSITORY = 'mcp-lint/mcp-lint'
export const HOMEPAGE = `https://github.com/${ACTION_REPOSITORY}`
