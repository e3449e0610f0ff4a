// The speed targets of issue 18, each reported beside the yardstick it is
// measured against in the same run, with the ratio and whether it is met.

export interface Target {
  name: string;
  ms: number;
  yardstick: { name: string; ms: number };
  /** Met when the time is at most this many milliseconds… */
  limitMs?: number;
  /** …and at most this many times the yardstick. */
  limitRatio?: number;
  peakMb?: number;
  limitMb?: number;
  /** CPU-s ÷ wall-s ÷ cores. */
  efficiency?: number;
}

const fixed = (value: number) =>
  value >= 100 ? Math.round(value).toString() : value.toFixed(value >= 10 ? 1 : 2);

export function targetMet(target: Target): boolean {
  const ratio = target.ms / target.yardstick.ms;
  return (
    (target.limitMs === undefined || target.ms <= target.limitMs) &&
    (target.limitRatio === undefined || ratio <= target.limitRatio) &&
    (target.limitMb === undefined || (target.peakMb ?? 0) <= target.limitMb)
  );
}

/** A Markdown table: target, measured, yardstick, ratio, limit, met. */
export function targetTable(targets: readonly Target[]): string {
  const lines = [
    '| target | measured ms | yardstick | ratio | peak MB | efficiency | limit | met |',
    '| --- | ---: | --- | ---: | ---: | ---: | --- | --- |',
  ];
  for (const target of targets) {
    const limits = [
      target.limitMs === undefined ? null : `≤ ${target.limitMs} ms`,
      target.limitRatio === undefined ? null : `≤ ${target.limitRatio}×`,
      target.limitMb === undefined ? null : `≤ ${target.limitMb} MB`,
    ].filter((limit) => limit !== null);
    lines.push(
      `| ${target.name} | ${fixed(target.ms)} | ${target.yardstick.name} ${fixed(target.yardstick.ms)} ms | ${(target.ms / target.yardstick.ms).toFixed(2)}× | ${target.peakMb === undefined ? '' : Math.round(target.peakMb)} | ${target.efficiency === undefined ? '' : target.efficiency.toFixed(2)} | ${limits.join(', ')} | ${targetMet(target) ? 'yes' : 'no'} |`,
    );
  }
  return lines.join('\n');
}
