import { findNodeRelease, isEndOfLife, supportedLtsMajors } from '../../data/node-releases.js'
import { defineRule, type RuleFinding } from '../rule.js'
import { nodeMajorOf } from '../../model/docker/images.js'
import { runtimeOf } from '../../model/docker/runtime.js'

/** `node:24 or node:26`: the two newest LTS lines in support on the scan date. */
function upgradeTargets(today: string): string {
  const majors = supportedLtsMajors(today).slice(-2)
  return majors.length > 0 ? majors.map((m) => `node:${m}`).join(' or ') : 'a supported LTS line'
}

export default defineRule({
  meta: {
    id: 'docker-eol-node',
    severity: 'high',
    category: 'docker',
    description: 'The image runs on a Node.js major that is past its end of life on the scan date, so it gets no security fixes.',
    fix: 'move the final stage to a supported LTS line (see the Node.js release schedule)',
    cwe: 'CWE-1104',
    messages: {
      'eol-node': "the final stage's base image runs a Node major past end of life"
    }
  },
  needs: 'project',
  check({ dockerfiles, today }) {
    const findings: RuleFinding[] = []
    for (const { path, model } of dockerfiles) {
      const base = runtimeOf(model)?.base
      const major = base?.imageKnown ? nodeMajorOf(base.image) : undefined
      if (!base || major === undefined || !isEndOfLife(major, today)) continue
      findings.push({
        file: path,
        line: base.fromLine,
        messageId: 'eol-node',
        message: `\`FROM ${base.image}\` runs Node ${major}, past end of life since ${findNodeRelease(major)?.end}: move to ${upgradeTargets(today)}`
      })
    }
    return findings
  }
})
