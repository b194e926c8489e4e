// The scan stage: read the tree (documents.ts), model its packages' source (modules.ts) and run every
// rule as it declares (`needs`). What it collects is plain data; the central policy (result.ts) comes after.
import { posix } from 'node:path'
import { groupByPackage } from '../discovery/packages.js'
import type { Note } from '../discovery/find-files.js'
import { buildExpressModel } from '../model/express.js'
import { developmentDockerfiles, isDevelopmentComposeName } from '../model/docker/development.js'
import { RULES } from '../rules/registry.js'
import type { RuleFinding, RuleMeta } from '../rules/rule.js'
import type { CollectedFindings } from './result.js'
import type { ProjectContext, ScanContext } from './context.js'
import { readProject } from './documents.js'
import { buildModelSafely, jsonModules, modulesOfGroup, projectImportMap, SharedModules } from './modules.js'
import { describeErrorFully } from '../common/errors.js'

/** Keeps the findings not made before (a source rule reports a shared file once per package, say). */
class Reported {
  readonly list: CollectedFindings['reported'] = []
  private readonly seen = new Set<string>()

  constructor(private readonly notes: Note[]) {}

  /** Runs one rule; a rule that throws becomes a note and reports nothing. */
  run<C>(rule: { meta: RuleMeta; check(context: C): RuleFinding[] }, context: C, adjust?: (finding: RuleFinding) => RuleFinding): void {
    let findings: RuleFinding[]
    try {
      findings = rule.check(context)
      if (adjust) findings = findings.map(adjust)
    } catch (error) {
      this.notes.push({ file: '.', message: `rule ${rule.meta.id} failed and reported nothing: ${describeErrorFully(error)}` })
      return
    }
    for (const finding of findings) {
      const key = [rule.meta.id, finding.file, finding.line, finding.column, finding.message].join('\u0000')
      if (this.seen.has(key)) continue
      this.seen.add(key)
      this.list.push({ meta: rule.meta, finding })
    }
  }
}

/**
 * Docker findings in an image built for development only (Dockerfile.dev, one built only by
 * docker-compose.dev.yml, one that starts nodemon or `next dev`) or in a development Compose file
 * are low at most, and say so: such an image is not what production runs.
 */
function developmentImages(context: ProjectContext): (finding: RuleFinding) => RuleFinding {
  const images = developmentDockerfiles(context)
  const composes = new Set(context.composeFiles.filter((c) => isDevelopmentComposeName(posix.basename(c.path))).map((c) => c.path))
  return (finding) => {
    if (!images.has(finding.file) && !composes.has(finding.file)) return finding
    return {
      ...finding,
      severityCap: 'low',
      message: `${finding.message} (development ${images.has(finding.file) ? 'image' : 'Compose file'})`
    }
  }
}

/**
 * Discovery, parsing, the app model and every rule. Project rules run once; source rules run for
 * each package (see groupByPackage) with its modules and model, so a 10,000-file monorepo never
 * holds more than one workspace's syntax trees. A tree without source still runs its source rules
 * once, on no modules: they read documents too (secrets in `.npmrc`, say).
 */
export function collectFindings(root: string, today: string): CollectedFindings {
  const { context, scripts, notes } = readProject(root, today)
  const reported = new Reported(notes)
  const mapImport = projectImportMap(root)
  const groups = groupByPackage(
    scripts,
    context.files.filter((f) => f.kind === 'package-json')
  )
  const sourceRules = RULES.filter((rule) => rule.needs === 'source')
  const noSource: ScanContext = { ...context, modules: [], express: buildExpressModel([], mapImport) }
  const inDevelopment = developmentImages(context)
  for (const rule of RULES) {
    if (rule.needs === 'project') reported.run<ProjectContext>(rule, context, rule.meta.category === 'docker' ? inDevelopment : undefined)
    else if (groups.length === 0) reported.run<ScanContext>(rule, noSource)
  }
  const byPath = new Map(scripts.map((f) => [f.path, f]))
  const shared = new SharedModules(groups, byPath, mapImport)
  for (const group of groups) {
    const scripts = modulesOfGroup(group, byPath, mapImport, notes, shared)
    const modules = [...scripts, ...jsonModules(scripts, root, notes)]
    const packageContext: ScanContext = { ...context, modules, express: buildModelSafely(modules, mapImport, notes) }
    for (const rule of sourceRules) reported.run<ScanContext>(rule, packageContext)
  }
  return { reported: reported.list, notes, filesScanned: context.files.length }
}
