import { describe, expect, it } from '@jest/globals'
import { parseCaddyfile } from '../../src/parse/caddyfile.js'

describe('parseCaddyfile', () => {
  it('separates the global options block, snippets and site blocks, with lines', () => {
    const model = parseCaddyfile(
      [
        '{',
        '  email ops@example.com',
        '}',
        '',
        '(common) {',
        '  encode gzip',
        '}',
        '',
        'example.com, www.example.com {',
        '  import common',
        '  reverse_proxy app:3000 # the app',
        '}',
        '',
        'http://:8080 {',
        '  respond "ok { }" 200',
        '}'
      ].join('\n')
    )
    expect(model.globalOptions.map((d) => d.name)).toEqual(['email'])
    expect(model.sites.map((s) => [s.addresses, s.line])).toEqual([
      [['example.com', 'www.example.com'], 9],
      [['http://:8080'], 14]
    ])
    expect(model.sites[0]?.directives.map((d) => [d.name, d.args, d.line])).toEqual([
      ['encode', ['gzip'], 6],
      ['reverse_proxy', ['app:3000'], 11]
    ])
    expect(model.sites[1]?.directives[0]?.args).toEqual(['ok { }', '200'])
  })

  it('reads a single site without braces', () => {
    const model = parseCaddyfile('# comment\nlocalhost:8080\n\nreverse_proxy /api/* app:3000\nfile_server\n')
    expect(model.sites).toEqual([
      {
        addresses: ['localhost:8080'],
        line: 2,
        directives: [
          { name: 'reverse_proxy', args: ['/api/*', 'app:3000'], line: 4 },
          { name: 'file_server', args: [], line: 5 }
        ]
      }
    ])
  })

  it('keeps nested blocks, placeholders and env variables', () => {
    const model = parseCaddyfile('{$SITE_ADDRESS} {\n  handle /api/* {\n    reverse_proxy {\n      to {$UPSTREAM}\n    }\n  }\n}\n')
    const handle = model.sites[0]?.directives[0]
    expect(model.sites[0]?.addresses).toEqual(['{$SITE_ADDRESS}'])
    expect(handle?.block?.[0]?.block?.[0]).toEqual({ name: 'to', args: ['{$UPSTREAM}'], line: 4 })
  })

  it('reads heredocs and backtick strings as one token', () => {
    const model = parseCaddyfile(':80 {\n  respond <<HTML\n    <p>{ }</p>\n    HTML 200\n  header X `a "b" c`\n}\n')
    expect(model.sites[0]?.directives.map((d) => [d.name, d.line])).toEqual([
      ['respond', 2],
      ['header', 5]
    ])
    expect(model.sites[0]?.directives[1]?.args).toEqual(['X', 'a "b" c'])
  })

  it.each([
    ['example.com {\n  reverse_proxy app:3000\n', 'unexpected end of file, expecting "}"'],
    ['}\n', 'unexpected "}" on line 1'],
    [':80 {\n  respond "open\n}\n', 'unterminated " string on line 2']
  ])('throws a syntax error with its line: %j', (text, message) => {
    expect(() => parseCaddyfile(text)).toThrow(message)
  })
})
