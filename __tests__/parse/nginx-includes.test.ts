import { describe, expect, it } from '@jest/globals'
import { includedPaths } from '../../src/parse/nginx-includes.js'

const PATHS = [
  'deploy/nginx/nginx.conf',
  'deploy/nginx/conf.d/app.conf',
  'deploy/nginx/conf.d/.disabled.conf',
  'deploy/nginx/conf.d/admin.conf',
  'deploy/nginx/h5bp/basic.conf',
  'snippets/ssl.conf'
]

describe('includedPaths', () => {
  it.each([
    ['conf.d/*.conf', 'deploy/nginx/nginx.conf', ['deploy/nginx/conf.d/admin.conf', 'deploy/nginx/conf.d/app.conf']],
    ['/etc/nginx/conf.d/app.conf', 'deploy/nginx/nginx.conf', ['deploy/nginx/conf.d/app.conf']],
    ['h5bp/basic.conf', 'deploy/nginx/conf.d/app.conf', ['deploy/nginx/h5bp/basic.conf']],
    ['../h5bp/basic.conf', 'deploy/nginx/conf.d/app.conf', ['deploy/nginx/h5bp/basic.conf']],
    ['snippets/ssl.conf', 'deploy/nginx/conf.d/app.conf', ['snippets/ssl.conf']],
    ['/etc/letsencrypt/options-ssl-nginx.conf', 'deploy/nginx/nginx.conf', []],
    ['mime.types', 'deploy/nginx/nginx.conf', []],
    ['../../../../outside.conf', 'deploy/nginx/nginx.conf', []]
  ])('%s from %s', (pattern, from, expected) => {
    expect(includedPaths(pattern, from, PATHS)).toEqual(expected)
  })
})
