/** A roll-up step that cannot go on; the message says why and what to do, and the CLI prints it as it is. */
export class RollupError extends Error {
  override name = 'RollupError';
}
