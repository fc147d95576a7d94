import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../src/server/test/child-server';
import type { WorkloadResult } from './measure';

export type RunReport = {
  suite: 'hazards';
  date: string;
  scale: number;
  machine: { cpus: number; memoryGB: number; node: string; postgres: string; loadAverageAtStart: number[] };
  /** The code measured: the commit, and the files under src/ that differed from it when the app started. */
  code: { commit: string; uncommittedInSrc: string[] };
  config: Record<string, string | number>;
  dataset: { reused: boolean; generatedAt: string; generationSeconds: number; steps: { step: string; seconds: number; rows: number }[]; counts: Record<string, number> };
  signIn: { accounts: number; seconds: number };
  workloads: WorkloadResult[];
  ratio: { jsonOverBaseline: number };
  appProfile?: { byOwner: [string, number][]; byFunction: [string, number][]; totalMs: number };
  totalSeconds: number;
};

const mark = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

/** The closing table: one line per workload, its targets with PASS/FAIL beside them. */
export function summaryTable(r: RunReport): string {
  const head = `${'workload'.padEnd(46)} ${'conn'.padStart(4)} ${'requests'.padStart(8)} ${'time s'.padStart(6)} ${'rate/s'.padStart(9)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)}  targets`;
  const rows = r.workloads.map((w) => {
    const targets = w.targets.map((t) => `${mark(t.pass)} ${t.text}`).join('; ');
    const bad = w.unexpected ? ` [${w.unexpected} unexpected: ${JSON.stringify(w.statuses)}]` : '';
    return `${w.label.padEnd(46)} ${String(w.connections).padStart(4)} ${String(w.requests).padStart(8)} ${w.seconds.toFixed(1).padStart(6)} ${w.rate.toFixed(1).padStart(9)} ${w.p50.toFixed(1).padStart(7)} ${w.p95.toFixed(1).padStart(7)} ${w.p99.toFixed(1).padStart(7)}  ${targets}${bad}`;
  });
  const c = r.dataset.counts;
  const data = `dataset (scale ${r.scale}, ${r.dataset.reused ? 'reused from cache' : 'generated in this run'}; generation took ${r.dataset.generationSeconds.toFixed(0)} s): ${c.townships} townships, ${c.villages} villages, ${c.grids} grids, ${c.gridWorkers} grid workers, ${c.hazards?.toLocaleString('en')} hazards, ${c.patrols?.toLocaleString('en')} patrols, ${c.patrolPoints?.toLocaleString('en')} patrol points, ${c.hazardRollups?.toLocaleString('en')} + ${c.patrolRollups?.toLocaleString('en')} roll-up rows, ${c.databaseGB?.toFixed(1)} GB`;
  const ratio = Number.isFinite(r.ratio.jsonOverBaseline) ? [`JSON reports vs baseline: ${(r.ratio.jsonOverBaseline * 100).toFixed(0)} %`] : [];
  const code = `code: commit ${r.code.commit}${r.code.uncommittedInSrc.length ? ` + uncommitted changes in ${r.code.uncommittedInSrc.length} files under src/ (${r.code.uncommittedInSrc.slice(0, 6).join(', ')}${r.code.uncommittedInSrc.length > 6 ? ', …' : ''})` : ' (clean)'}`;
  return [data, code, ...ratio, head, ...rows].join('\n');
}

/** scale 1 → hazards-<date>.json; other scales and partial runs (--only, --profile) get a suffix. */
export async function writeReport(r: RunReport, partial: boolean): Promise<string> {
  const dir = path.join(ROOT, 'bench', 'results');
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `hazards-${r.date.slice(0, 10)}${r.scale === 1 ? '' : `-scale${r.scale}`}${partial ? '-partial' : ''}.json`);
  await fs.writeFile(file, JSON.stringify(r, null, 2) + '\n');
  return path.relative(ROOT, file);
}

/** Others work in the same tree: say exactly which code the app ran. */
export function codeVersion(): RunReport['code'] {
  const git = (args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout ?? '';
  return {
    commit: git(['rev-parse', '--short', 'HEAD']).trim(),
    uncommittedInSrc: git(['status', '--porcelain', '--', 'src'])
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3)),
  };
}

export function machine(postgres: string) {
  return { cpus: os.cpus().length, memoryGB: Math.round(os.totalmem() / 1e9), node: process.version, postgres, loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100) };
}
