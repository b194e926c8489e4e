import { describe, expect, it } from '@jest/globals'
import { isSecretName, nameWords, redact, urlPassword } from '../../src/common/secret-names.js'

describe('secret names', () => {
  it('splits names into words', () => {
    expect(nameWords('AWS_SECRET_ACCESS_KEY')).toEqual(['aws', 'secret', 'access', 'key'])
    expect(nameWords('jwtSecretV2')).toEqual(['jwt', 'secret'])
    expect(nameWords('DBPassword')).toEqual(['db', 'password'])
  })

  it.each([
    'DB_PASSWORD',
    'MYSQL_ROOT_PASSWORD',
    'JWT_SECRET',
    'SESSION_SECRET',
    'NPM_TOKEN',
    'GITHUB_TOKEN',
    'API_KEY',
    'apiKey',
    'PRIVATE_KEY',
    'AWS_SECRET_ACCESS_KEY',
    'SMTP_PASS',
    'DB_PWD',
    'DBPASSWORD',
    'clientSecret',
    'SECRET',
    'STRIPE_SECRET_KEY_2'
  ])('%s names a secret', (name) => {
    expect(isSecretName(name)).toBe(true)
  })

  it.each([
    'TOKEN_URL',
    'PASSWORD_MIN_LENGTH',
    'PASSWORD_FILE',
    'AWS_ACCESS_KEY_ID',
    'PWD',
    'PASS',
    'SECRET_NAME',
    'CACHE_KEY',
    'MAX_TOKENS',
    'TOKEN_EXPIRES_IN',
    'NODE_ENV',
    'COMPASS',
    'BYPASS'
  ])('%s does not', (name) => {
    expect(isSecretName(name)).toBe(false)
  })

  it('finds literal passwords in URLs', () => {
    expect(urlPassword('postgres://app:s3cret@db:5432/app')).toBe('s3cret')
    expect(urlPassword('postgres://app:${DB_PASSWORD}@db/app')).toBeUndefined()
    expect(urlPassword('mongodb://mongo:27017/nodegoat')).toBeUndefined()
    expect(urlPassword('https://example.com/a:b@c')).toBeUndefined()
  })

  it('never prints more than two characters of a secret', () => {
    expect(redact('supersecretvalue')).toBe('su…')
    expect(redact('root')).toBe('…')
  })
})
