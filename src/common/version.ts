/** Kept equal to package.json's version by a test. */
export const TOOL_NAME = 'express-hardening-gate'
export const TOOL_VERSION = '0.1.0'
export const REPOSITORY_URL = 'https://github.com/express-hardening-gate/express-hardening-gate'
