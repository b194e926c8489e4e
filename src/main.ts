import * as core from '@actions/core'
import type { Entry } from './action-modes.js'
import { describeError } from './common/errors.js'
import { readActionInputs } from './config/inputs.js'

/** The action: inputs, the gate, reports and outputs, the summary, the comment, the verdict. */
export async function run(entry: Entry = {}): Promise<void> {
  try {
    const options = readActionInputs()
    // The rest (the GitHub client, the gate, the renderers: megabytes of bundled code) is loaded
    // once the inputs are good, so a bad input stops in a few milliseconds more than Node's start.
    await (await import('./action-modes.js')).runMode(options, entry)
  } catch (error) {
    core.setOutput('passed', 'false')
    core.setFailed(describeError(error))
  }
}
