import { describe, expect, it } from '@jest/globals'
import { gitignoreMatcher } from '../../src/discovery/gitignore.js'
import { parseDotenv } from '../../src/parse/dotenv.js'
import envFileCommitted from '../../src/rules/secrets/env-file-committed.js'
import { scanProject } from '../helpers/project.js'

describe('parseDotenv', () => {
  it('reads export prefixes, quotes and inline comments, and skips comment lines', () => {
    expect(parseDotenv('# c\nexport A=1\nB="two words" # note\nC=\nD=x #y\n')).toEqual([
      { key: 'A', value: '1', line: 2 },
      { key: 'B', value: 'two words', line: 3 },
      { key: 'C', value: '', line: 4 },
      { key: 'D', value: 'x', line: 5 }
    ])
  })
})

describe('gitignoreMatcher', () => {
  it('matches unanchored patterns in any folder and anchored ones from the root', () => {
    const ignored = gitignoreMatcher('# secrets\n.env*\n!.env.example\n/config/local.env\n')
    expect(ignored('.env')).toBe(true)
    expect(ignored('api/.env.local')).toBe(true)
    expect(ignored('config/local.env')).toBe(true)
    expect(ignored('src/app.js')).toBe(false)
  })
})

describe('env-file-committed and .gitignore', () => {
  it("leaves a .env that a .gitignore lists alone (a developer's local file) and reports one that is not", () => {
    const context = scanProject({
      '.gitignore': 'node_modules/\n.env\n',
      '.env': 'JWT_SECRET=abc123def456\n',
      'services/api/.env.production': 'PORT=80\nAPI_KEY=k8Jd0qLm2vXz7Rt\n'
    })
    expect(envFileCommitted.check(context).map((f) => `${f.file}:${f.line}`)).toEqual(['services/api/.env.production:2'])
  })
})
