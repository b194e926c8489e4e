import { describe, expect, it } from '@jest/globals'
import type { ConfigDirective } from '../../src/parse/directive.js'
import { isNginxConfig, parseNginx } from '../../src/parse/nginx.js'

/** `name args` per directive, nested blocks indented, for compact expectations. */
function outline(directives: readonly ConfigDirective[], depth = 0): string[] {
  return directives.flatMap((d) => [
    `${'  '.repeat(depth)}${d.line}: ${[d.name, ...d.args].join(' ')}${d.block ? ' {' : ''}`,
    ...outline(d.block ?? [], depth + 1)
  ])
}

describe('parseNginx', () => {
  it('reads directives and blocks with their lines, skipping comments', () => {
    const { directives, error } = parseNginx(
      [
        '# global',
        'worker_processes auto;',
        'http {',
        '  include mime.types; # trailing comment',
        '  server {',
        '    listen 80;',
        '',
        '    location / { proxy_pass http://app:3000; }',
        '  }',
        '}'
      ].join('\n')
    )
    expect(error).toBeUndefined()
    expect(outline(directives)).toEqual([
      '2: worker_processes auto',
      '3: http {',
      '  4: include mime.types',
      '  5: server {',
      '    6: listen 80',
      '    8: location / {',
      '      8: proxy_pass http://app:3000'
    ])
  })

  it('keeps quoted strings whole, with escapes, and reads ${var} as a variable, not a block', () => {
    const { directives } = parseNginx(
      [
        `add_header X-Note "a; b {c} # not a comment" always;`,
        `return 200 'it\\'s "ok"';`,
        'set $x ${host}-suffix;',
        'location ~ \\.php$ { deny all; }'
      ].join('\n')
    )
    expect(directives.map((d) => d.args)).toEqual([
      ['X-Note', 'a; b {c} # not a comment', 'always'],
      ['200', `it's "ok"`],
      ['$x', '${host}-suffix'],
      ['~', '\\.php$']
    ])
  })

  it('counts lines inside multi-line quoted strings', () => {
    const { directives } = parseNginx('log_format main "a\nb\nc";\nlisten 80;')
    expect(directives.map((d) => d.line)).toEqual([1, 4])
  })

  it('skips the Lua code of *_by_lua_block', () => {
    const { directives, error } = parseNginx(
      'location / {\n  content_by_lua_block {\n    ngx.say("}")\n    if x then y() end\n  }\n  listen 80;\n}'
    )
    expect(error).toBeUndefined()
    expect(outline(directives)).toEqual(['1: location / {', '  2: content_by_lua_block {', '  6: listen 80'])
  })

  it.each([
    ['server {\n  listen 80;\n', 'unexpected end of file, expecting "}" on line 3'],
    ['listen 80;\n}', 'unexpected "}" on line 2'],
    ['server { listen 80 }', 'unexpected "}" after "listen", expecting ";" on line 1'],
    ['return 200 "open', 'unterminated " string on line 1']
  ])('reports a syntax error and keeps what it read before: %j', (text, message) => {
    const { directives, error } = parseNginx(text)
    expect(error?.message).toBe(message)
    expect(Array.isArray(directives)).toBe(true)
  })

  it('keeps an open block read before the error, so the caller can tell the file was nginx', () => {
    const { directives, error } = parseNginx('http {\n  server {\n    listen 80\n  }\n}')
    expect(error).toBeDefined()
    expect(isNginxConfig(directives)).toBe(true)
  })
})

describe('isNginxConfig', () => {
  it.each([
    ['events {}\nhttp { }', true],
    ['server { listen 80; }', true],
    ['proxy_set_header Host $host;', true],
    ['[program:app]\ncommand=node server.js ; comment\n', false],
    ['bind 127.0.0.1\nport 6379\n', false],
    ['/var/log/*.log {\n  daily\n}\n', false],
    ['<source>\n  @type forward\n</source>\n', false]
  ])('%j → %s', (text, expected) => {
    expect(isNginxConfig(parseNginx(text).directives)).toBe(expected)
  })
})
