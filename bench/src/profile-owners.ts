// `pnpm --filter @quizmark/bench profile-owners <file.cpuprofile>...`: where the
// CPU time of `node --cpu-prof` profiles went, by owner: each npm package,
// each workspace package, Node's module loader, other Node internals, and
// V8's own entries (garbage collector, program). Idle time is left out.
// Profile an unbundled run (QUIZMARK_NO_BUNDLE=1): the bundle's chunks name
// no package.
import { readFileSync } from 'node:fs';

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string } }>;
  samples: number[];
  timeDeltas: number[];
}

/** Who a sampled frame belongs to, from its script's URL; null for idle time. */
export function ownerOf(url: string, functionName: string): string | null {
  if (!url) return functionName === '(idle)' ? null : functionName || '(native)';
  const npm = url.match(/node_modules\/\.pnpm\/(@?[^@/]+(?:\+[^@/]+)?)@/);
  if (npm) return npm[1]!.replace('+', '/');
  const workspace = url.match(/\/(?:packages|bench)\/([^/]+)\//);
  if (workspace) return `@quizmark/${workspace[1]}`;
  if (url.startsWith('node:')) {
    if (/modules\/|loader|module_job|vm/.test(url)) return 'node: module loading';
    return `node:${url.slice(5).replace('internal/', '').split('/')[0]}`;
  }
  return 'other';
}

/** Milliseconds of CPU by owner across the profiles, largest first. */
export function timeByOwner(profiles: readonly CpuProfile[]): Array<[string, number]> {
  const totals = new Map<string, number>();
  for (const profile of profiles) {
    const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    // A sample's time is the delta to the next sample.
    profile.samples.forEach((id, index) => {
      const frame = frames.get(id)!;
      const owner = ownerOf(frame.url, frame.functionName);
      const us = profile.timeDeltas[index + 1] ?? 0;
      if (owner) totals.set(owner, (totals.get(owner) ?? 0) + us / 1000);
    });
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: profile-owners <file.cpuprofile>...');
    process.exit(2);
  }
  const owners = timeByOwner(
    files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as CpuProfile),
  );
  const busy = owners.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`busy: ${Math.round(busy)} ms`);
  for (const [owner, ms] of owners.slice(0, 30))
    console.log(`${String(Math.round(ms)).padStart(7)} ms  ${owner}`);
}
