import { describe, expect, it } from '@jest/globals'
import { readStaticExports } from '../../src/parse/static-exports.js'

describe('readStaticExports', () => {
  it('reads the object literal of module.exports, with constants, shorthands, spreads and require.resolve', () => {
    const text = `const alias = { '@': './src' }
const shared = { root: ['./src'] }
module.exports = {
  presets: ['@babel/preset-env'],
  plugins: [[require.resolve('babel-plugin-module-resolver'), { ...shared, alias }]],
  ignore: [\`dist\`],
}`
    expect(readStaticExports(text)).toEqual({
      presets: ['@babel/preset-env'],
      plugins: [['babel-plugin-module-resolver', { root: ['./src'], alias: { '@': './src' } }]],
      ignore: ['dist']
    })
  })

  it("reads export default and a config function's returned object, without running anything", () => {
    expect(readStaticExports("export default { plugins: ['module-resolver'] }")).toEqual({ plugins: ['module-resolver'] })
    const fn = `module.exports = function (api) {
  api.cache(true)
  const plugins = [['module-resolver', { alias: { utils: './src/utils' } }]]
  return { plugins }
}`
    expect(readStaticExports(fn)).toEqual({ plugins: [['module-resolver', { alias: { utils: './src/utils' } }]] })
    expect(readStaticExports('module.exports = (api) => ({ root: process.env.ROOT })')).toEqual({ root: undefined })
  })

  it('is undefined when nothing is exported literally or the file does not parse', () => {
    expect(readStaticExports("module.exports = require('./babel.shared')")).toBeUndefined()
    expect(readStaticExports('const x = {}')).toBeUndefined()
    expect(readStaticExports('module.exports = {')).toBeUndefined()
  })
})
