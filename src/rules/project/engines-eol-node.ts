import { findNodeRelease, oldestEndOfLifeMajor, supportedLtsMajors } from '../../data/node-releases.js'
import { defineRule } from '../rule.js'

export default defineRule({
  meta: {
    id: 'engines-eol-node',
    severity: 'low',
    category: 'project',
    description: '`engines.node` in package.json admits a Node.js major that is past its end of life on the scan date.',
    fix: 'raise the lower bound of `engines.node` to a supported LTS line, e.g. `">=22"`',
    cwe: 'CWE-1104',
    messages: {
      'eol-node': 'engines.node admits a Node major past end of life'
    }
  },
  needs: 'project',
  check({ packageJsons, today }) {
    const root = packageJsons.find((p) => p.path === 'package.json')
    const engines = root?.manifest.data.engines
    const range = typeof engines === 'object' && engines !== null ? (engines as Record<string, unknown>).node : undefined
    if (!root || typeof range !== 'string') return []
    const major = oldestEndOfLifeMajor(range, today)
    if (major === undefined) return []
    const floor = supportedLtsMajors(today)[0]
    const fix = floor === undefined ? 'raise it to a supported LTS line' : `raise the lower bound to a supported line, e.g. ">=${floor}"`
    return [
      {
        file: root.path,
        line: root.manifest.keyLine(['engines', 'node']),
        messageId: 'eol-node',
        message: `\`engines.node\` "${range}" admits Node ${major}, past end of life since ${findNodeRelease(major)?.end}: ${fix}`
      }
    ]
  }
})
