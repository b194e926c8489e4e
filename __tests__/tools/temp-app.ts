import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { hermeticNpmEnv } from '../helpers/npm-env.js'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const VULNERABLE_APP = join(REPO_ROOT, 'examples/vulnerable-app')
export const CLEAN_APP = join(REPO_ROOT, '__tests__/fixtures/apps/clean-app')
/** A loopback port nothing listens on: npm fails fast instead of reaching the internet. */
export const UNUSED_REGISTRY = 'http://127.0.0.1:9/'

export interface TempApp {
  /** The app folder: package.json and, unless left out, package-lock.json. */
  dir: string
  /** npm environment that talks only to the given registry, with a fresh cache and empty userconfig. */
  env: NodeJS.ProcessEnv
  readJson<T>(file: string): Promise<T>
  writeJson(file: string, data: unknown): Promise<void>
  remove(): Promise<void>
}

/** A temp copy of an app's package.json (+ package-lock.json) for real npm runs. */
export async function copyApp(appDir: string, registryUrl: string, options: { lockfile?: boolean } = {}): Promise<TempApp> {
  const work = await mkdtemp(join(tmpdir(), 'ehg-app-'))
  const dir = join(work, 'app')
  await mkdir(dir)
  await cp(join(appDir, 'package.json'), join(dir, 'package.json'))
  if (options.lockfile !== false) await cp(join(appDir, 'package-lock.json'), join(dir, 'package-lock.json'))
  const env = hermeticNpmEnv(registryUrl, work)

  return {
    dir,
    env,
    readJson: async <T>(file: string) => JSON.parse(await readFile(join(dir, file), 'utf8')) as T,
    writeJson: (file, data) => writeFile(join(dir, file), `${JSON.stringify(data, null, 2)}\n`),
    remove: () => rm(work, { recursive: true, force: true })
  }
}

interface Manifest {
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}
interface Lockfile {
  packages: Record<string, Manifest & { dev?: boolean }>
}

/** Turns a production dependency into a devDependency in package.json and the lockfile, consistently. */
export async function makeDevDependency(app: TempApp, name: string): Promise<void> {
  const manifest = await app.readJson<Manifest>('package.json')
  const lock = await app.readJson<Lockfile>('package-lock.json')
  const root = lock.packages['']
  const entry = lock.packages[`node_modules/${name}`]
  const version = manifest.dependencies?.[name]
  if (!root || !entry || !version) throw new Error(`${name} is not a direct dependency of the app`)
  for (const doc of [manifest, root]) {
    delete doc.dependencies?.[name]
    doc.devDependencies = { ...doc.devDependencies, [name]: version }
  }
  entry.dev = true
  await app.writeJson('package.json', manifest)
  await app.writeJson('package-lock.json', lock)
}
