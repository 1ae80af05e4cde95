/** Kept equal to package.json's version by a test; bundles cannot read package.json at run time. */
export const TOOL_NAME = 'mcp-lint'
export const VERSION = '0.1.0'
export const HOMEPAGE = 'https://github.com/mcp-lint/mcp-lint'
