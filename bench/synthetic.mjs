// A synthetic Express monorepo for the benchmark: 50 npm workspaces under packages/*, 10,000
// JavaScript/TypeScript source files of realistic service code, and a package-lock.json of about
// 2,000 real packages that `npm ci` installs.
//
// The sources are deterministic (seeded PRNG, no clock, no registry). The lockfile is resolved once
// by `npm install --package-lock-only --before <date>` against the npm registry, so it is the same
// wherever it is made (as long as nothing in it is unpublished), and cached with the tree.
//
//   node bench/synthetic.mjs [DIR]        (default: $BENCH_SCRATCH/synthetic or /work/scratch/bench/synthetic)
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { appFile, Emitter, Random, relativeImport, ROLES, sourceFile } from './synthetic-code.mjs'

/** Bump when the generated tree changes: a cached tree with another version is rebuilt. */
export const SYNTHETIC_VERSION = 6
const SEED = 0x5eed2026
const WORKSPACES = 50
const SOURCE_FILES = 10_000
/** Registry state the lockfile is resolved against (npm --before). */
export const LOCKFILE_BEFORE = '2026-06-01'
const MARKER = '.bench-synthetic.json'

// ---------------------------------------------------------------------------------------------
// Dependencies: real packages, ranges resolved at LOCKFILE_BEFORE. Services take many runtime
// dependencies, libraries a few; two majors of express (and of its types) split the tree the way
// long-lived monorepos are split.

const SERVICE_CORE = { express: '^4.21.2', helmet: '^8.0.0', cors: '^2.8.5', morgan: '^1.10.0', dotenv: '^16.4.7' }
const SERVICE_CORE_V5 = { express: '^5.1.0', helmet: '^8.0.0', cors: '^2.8.5', morgan: '^1.10.0', dotenv: '^16.4.7' }
const RUNTIME = {
  'express-rate-limit': '^7.5.0',
  'express-session': '^1.18.1',
  'cookie-parser': '^1.4.7',
  compression: '^1.7.5',
  multer: '^2.0.0',
  passport: '^0.7.0',
  'passport-jwt': '^4.0.1',
  'passport-local': '^1.0.0',
  jsonwebtoken: '^9.0.2',
  bcryptjs: '^2.4.3',
  joi: '^17.13.3',
  zod: '^3.24.1',
  celebrate: '^15.0.3',
  'express-validator': '^7.2.0',
  winston: '^3.17.0',
  pino: '^9.6.0',
  'pino-http': '^10.3.0',
  axios: '^1.7.9',
  'node-fetch': '^2.7.0',
  lodash: '^4.17.21',
  dayjs: '^1.11.13',
  uuid: '^11.0.3',
  ioredis: '^5.4.1',
  redis: '^4.7.0',
  pg: '^8.13.1',
  mysql2: '^3.11.5',
  sequelize: '^6.37.5',
  mongoose: '^8.9.0',
  typeorm: '^0.3.20',
  knex: '^3.1.0',
  'socket.io': '^4.8.1',
  nodemailer: '^6.9.16',
  '@aws-sdk/client-s3': '^3.700.0',
  '@aws-sdk/client-sqs': '^3.700.0',
  'firebase-admin': '^13.0.0',
  googleapis: '^144.0.0',
  stripe: '^17.4.0',
  'swagger-ui-express': '^5.0.1',
  yaml: '^2.6.1',
  config: '^3.3.12',
  graphql: '^16.9.0',
  '@apollo/server': '^4.11.2',
  'class-validator': '^0.14.1',
  'class-transformer': '^0.5.1',
  'reflect-metadata': '^0.2.2',
  'rate-limiter-flexible': '^5.0.4',
  'connect-redis': '^8.0.1'
}
const LIB_RUNTIME = ['lodash', 'zod', 'dayjs', 'uuid', 'axios', 'joi', 'yaml', 'pino', 'winston', 'class-validator', 'pg', 'ioredis']
const DEV = {
  typescript: '^5.7.2',
  'ts-node': '^10.9.2',
  tsx: '^4.19.2',
  jest: '^29.7.0',
  'ts-jest': '^29.2.5',
  '@types/jest': '^29.5.14',
  vitest: '^2.1.8',
  '@types/node': '^22.10.2',
  '@types/cors': '^2.8.17',
  '@types/morgan': '^1.9.9',
  '@types/jsonwebtoken': '^9.0.7',
  '@types/compression': '^1.7.5',
  '@types/cookie-parser': '^1.4.8',
  '@types/express-session': '^1.18.1',
  '@types/multer': '^1.4.12',
  '@types/supertest': '^6.0.2',
  '@types/lodash': '^4.17.13',
  '@types/pg': '^8.11.10',
  eslint: '^9.17.0',
  'typescript-eslint': '^8.18.1',
  '@eslint/js': '^9.17.0',
  prettier: '^3.4.2',
  nodemon: '^3.1.9',
  supertest: '^7.0.0',
  mocha: '^10.8.2',
  chai: '^5.1.2',
  sinon: '^19.0.2',
  nyc: '^17.1.0',
  webpack: '^5.97.1',
  'webpack-cli': '^5.1.4',
  '@babel/core': '^7.26.0',
  '@babel/preset-env': '^7.26.0',
  'babel-loader': '^9.2.1',
  concurrently: '^9.1.0',
  rimraf: '^6.0.1'
}

function workspacePlan(random) {
  const plans = []
  for (let i = 0; i < WORKSPACES; i += 1) {
    const service = i % 10 < 3 // 15 services, 35 libraries
    const name = `${service ? 'svc' : 'lib'}-${String(i).padStart(2, '0')}`
    const flavour = random.next() < 0.7 ? 'ts' : random.chance(0.5) ? 'esm' : 'cjs'
    plans.push({ index: i, name, dir: `packages/${name}`, service, flavour })
  }
  return plans
}

function manifest(plan, random, libs) {
  const ext = plan.flavour === 'ts' ? 'ts' : plan.flavour === 'esm' ? 'mjs' : 'js'
  const dependencies = {}
  if (plan.service) {
    Object.assign(dependencies, plan.index % 2 === 0 ? SERVICE_CORE : SERVICE_CORE_V5)
    for (const name of random.sample(Object.keys(RUNTIME), random.int(8, 16))) dependencies[name] = RUNTIME[name]
    dependencies['express-validator'] = RUNTIME['express-validator']
    dependencies['express-rate-limit'] = RUNTIME['express-rate-limit']
  } else {
    for (const name of random.sample(LIB_RUNTIME, random.int(1, 4))) dependencies[name] = RUNTIME[name]
    if (random.chance(0.5)) dependencies.express = plan.index % 2 === 0 ? '^4.21.2' : '^5.1.0'
  }
  for (const lib of random.sample(
    libs.filter((l) => l.index < plan.index),
    random.int(0, 3)
  ))
    dependencies[`@synth/${lib.name}`] = '1.0.0'
  const devDependencies = {}
  for (const name of random.sample(Object.keys(DEV), random.int(3, 9))) devDependencies[name] = DEV[name]
  if (plan.index % 3 !== 0) {
    // a test-runner migration begun: a few workspaces on jest 30, each with its own nested copy
    const next = plan.index % 12 === 1
    devDependencies.jest = next ? '^30.0.0' : DEV.jest
    if (plan.flavour === 'ts') devDependencies['@types/jest'] = next ? '^30.0.0' : DEV['@types/jest']
  }
  if (plan.flavour === 'ts') {
    devDependencies.typescript = DEV.typescript
    devDependencies['@types/express'] = plan.index % 2 === 0 ? '^4.17.21' : '^5.0.0'
  }
  return {
    name: `@synth/${plan.name}`,
    version: '1.0.0',
    private: true,
    ...(plan.flavour === 'esm' || plan.flavour === 'ts' ? { type: 'module' } : {}),
    main: `src/index.${ext}`,
    scripts: { start: `${plan.flavour === 'ts' ? 'tsx' : 'node'} src/${plan.service ? 'server' : 'index'}.${ext}`, test: 'jest' },
    dependencies,
    devDependencies
  }
}

function writeFile(root, path, text) {
  const abs = join(root, path)
  mkdirSync(dirname(abs), { recursive: true })
  writeFileSync(abs, text)
}

/** Writes the source tree (no lockfile) into `root`; returns the number of source files. */
export function writeSyntheticTree(root) {
  const random = new Random(SEED)
  const plans = workspacePlan(random)
  const libs = plans.filter((p) => !p.service)
  writeFile(
    root,
    'package.json',
    `${JSON.stringify({ name: 'synthetic-monorepo', version: '1.0.0', private: true, workspaces: ['packages/*'], engines: { node: '>=20' } }, null, 2)}\n`
  )
  writeFile(root, '.gitignore', 'node_modules/\ndist/\n.env\n')
  writeFile(root, '.dockerignore', 'node_modules\n.git\n.env\n')
  let written = 0
  for (const plan of plans) {
    const emit = new Emitter(random, plan.flavour)
    const ext = emit.ext
    const perWorkspace = Math.floor(SOURCE_FILES / WORKSPACES)
    writeFile(root, `${plan.dir}/package.json`, `${JSON.stringify(manifest(plan, random, libs), null, 2)}\n`)
    // Fixed files: logger, db, index (and app + server for services) count towards the total.
    const fixed = []
    fixed.push([
      `src/logger.${ext}`,
      emit.ts
        ? 'export const logger = {\n  debug: (msg: string, meta?: unknown): void => { if (process.env.DEBUG) console.debug(msg, meta) },\n  warn: (msg: string, meta?: unknown): void => console.warn(msg, meta)\n}\n'
        : `${emit.cjs ? 'module.exports.logger' : 'export const logger'} = {\n  debug: (msg, meta) => { if (process.env.DEBUG) console.debug(msg, meta) },\n  warn: (msg, meta) => console.warn(msg, meta)\n}\n`
    ])
    const createDb = 'function createDb(pool) {\n  return { query: (sql, params) => pool.query(sql, params).then((r) => r.rows) }\n}\n'
    fixed.push([
      `src/db.${ext}`,
      emit.ts
        ? 'export interface Database {\n  query<T>(sql: string, params: unknown[]): Promise<T[]>\n}\n'
        : emit.cjs
          ? `${createDb}module.exports = { createDb }\n`
          : `export ${createDb}`
    ])
    const files = []
    const roles = plan.service ? ROLES : ROLES.filter((role) => role !== 'routes')
    const budget = perWorkspace - fixed.length - 1 - (plan.service ? 2 : 0)
    const lib = libs
      .filter((l) => l.index !== plan.index)
      .map((l) => ({ name: `@synth/${l.name}`, export: `${l.name.replace('-', '')}Version` }))
    for (let i = 0; i < budget; i += 1) {
      const role = roles[Math.min(roles.length - 1, Math.floor((i / budget) * roles.length))]
      const earlier = files.filter((f) => ROLES.indexOf(f.role) < ROLES.indexOf(role) || f.role === role).slice(-40)
      const { self, text } = sourceFile(emit, role, i, earlier, random.chance(0.5) ? random.pick(lib) : undefined, ext)
      files.push({ ...self, role })
      writeFile(join(root, plan.dir), self.path, text)
    }
    const indexLines = files
      .filter((f) => f.role !== 'routes')
      .slice(0, 30)
      .map((f) =>
        emit.cjs
          ? `Object.assign(module.exports, require('${relativeImport('src/index.x', f.path, emit)}'))`
          : `export * from '${relativeImport('src/index.x', f.path, emit)}'`
      )
    const versionName = `${plan.name.replace('-', '')}Version`
    indexLines.push(emit.cjs ? `module.exports.${versionName} = '1.0.0'` : `export const ${versionName} = '1.0.0'`)
    fixed.push([`src/index.${ext}`, `${indexLines.join('\n')}\n`])
    if (plan.service) {
      const routers = files
        .filter((f) => f.role === 'routes')
        .slice(0, 12)
        .map((f, i) => ({ name: `router${i}`, path: f.path, mount: f.path.split('/').pop().split('-')[0] }))
      fixed.push([`src/app.${ext}`, appFile(emit, routers)])
      fixed.push([
        `src/server.${ext}`,
        [
          emit.importDefault('app', emit.ts || emit.cjs ? './app' : './app.mjs'),
          '',
          'const port = Number(process.env.PORT ?? 3000)',
          'app.listen(port, () => console.log(`listening on ${port}`))',
          ''
        ].join('\n')
      ])
      writeFile(
        join(root, plan.dir),
        'Dockerfile',
        `FROM node:22-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\n${random.chance(0.5) ? 'USER node\n' : ''}ENV NODE_ENV=production\nCMD ["node", "src/server.${ext === 'ts' ? 'js' : ext}"]\n`
      )
    }
    for (const [path, text] of fixed) writeFile(join(root, plan.dir), path, text)
    written += files.length + fixed.length
  }
  return written
}

function npmEnv(scratch) {
  const userconfig = join(scratch, 'empty-npmrc')
  if (!existsSync(userconfig)) writeFileSync(userconfig, '')
  // The machine's ~/.npmrc may drop `resolved` URLs or turn audit off; the bench wants npm's defaults.
  return { ...process.env, npm_config_userconfig: userconfig, npm_config_update_notifier: 'false', npm_config_fund: 'false' }
}

/** Resolves package-lock.json (once; about 30 s with a warm cache). */
function writeLockfile(root, scratch, log) {
  log(`resolving the synthetic lockfile (npm install --package-lock-only --before ${LOCKFILE_BEFORE}) ...`)
  execFileSync(
    'npm',
    ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `--before=${LOCKFILE_BEFORE}`],
    {
      cwd: root,
      env: npmEnv(scratch),
      stdio: ['ignore', 'ignore', 'inherit']
    }
  )
}

export function countLockPackages(root) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'))
  const entries = Object.entries(lock.packages ?? {}).filter(([path]) => path !== '')
  return {
    entries: entries.length,
    registry: entries.filter(([path, p]) => path.includes('node_modules/') && !p.link).length
  }
}

/**
 * The synthetic monorepo in `root`, generated (or reused when its marker says this version) with a
 * lockfile. Returns facts about it for the report.
 */
export function ensureSynthetic(root, scratch, log = () => {}) {
  const markerPath = join(root, MARKER)
  const marker = existsSync(markerPath) ? JSON.parse(readFileSync(markerPath, 'utf8')) : undefined
  if (marker?.version === SYNTHETIC_VERSION && existsSync(join(root, 'package-lock.json'))) return marker
  rmSync(root, { recursive: true, force: true })
  mkdirSync(root, { recursive: true })
  log(`generating the synthetic monorepo in ${root} ...`)
  const files = writeSyntheticTree(root)
  writeLockfile(root, scratch, log)
  const fresh = {
    version: SYNTHETIC_VERSION,
    seed: SEED,
    workspaces: WORKSPACES,
    sourceFiles: files,
    lockfileBefore: LOCKFILE_BEFORE,
    lockPackages: countLockPackages(root)
  }
  writeFileSync(markerPath, `${JSON.stringify(fresh, null, 2)}\n`)
  return fresh
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const scratch = process.env.BENCH_SCRATCH ?? '/work/scratch/bench'
  const root = resolve(process.argv[2] ?? join(scratch, 'synthetic'))
  mkdirSync(scratch, { recursive: true })
  const facts = ensureSynthetic(root, scratch, (line) => process.stderr.write(`${line}\n`))
  process.stdout.write(`${JSON.stringify(facts, null, 2)}\n`)
}
