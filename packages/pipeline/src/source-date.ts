/**
 * The date stamped into outputs: SOURCE_DATE_EPOCH when set (the
 * reproducible-builds convention), else the newest source modification time,
 * so that an unchanged tree rebuilds byte for byte and an edited one is newer.
 */
export function sourceDateEpoch(newestSourceMtime: number, env = process.env): number {
  const fromEnv = env.SOURCE_DATE_EPOCH;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!/^\d+$/.test(fromEnv))
      throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds, got \`${fromEnv}\``);
    return Number(fromEnv);
  }
  return newestSourceMtime;
}
