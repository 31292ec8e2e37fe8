import { expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { openArchive } from '../../src/archive/index.js';
import { runCli, useTempRoot, useWriterScript } from '../helpers/archive.js';

/**
 * Issue 20, item 8: `verify` run while another process writes must never report a write in progress as damage
 * (it said "is in the index but its folder … is missing" for snapshots committed while it scanned).
 */

const writerScript = useWriterScript();
const temp = useTempRoot();

test('verify, run again and again while a writer process files snapshots, reports nothing', async () => {
  (await openArchive(temp.root)).close();
  const writer = spawn(process.execPath, [writerScript, temp.root, 'w', '300', 'distinct'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let writerDone = false;
  let stderr = '';
  writer.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => writer.on('close', (code) => {
    writerDone = true;
    resolve(code);
  }));
  const reports: string[] = [];
  let runs = 0;
  while (!writerDone || runs < 3) {
    const result = await runCli(['verify', '--archive-dir', temp.root]);
    runs += 1;
    if (result.code !== 0) reports.push(`run ${runs}: exit ${result.code}\n${result.stdout}${result.stderr}`);
    if (runs >= 150) break;
  }
  expect(await exited).toBe(0);
  expect(stderr).toBe('');
  expect(reports).toEqual([]);
  expect(runs).toBeGreaterThanOrEqual(3);
  console.log(`verify ran ${runs} times while the writer filed 300 snapshots`);
  const final = await runCli(['verify', '--archive-dir', temp.root]);
  expect(final.stdout).toMatch(/^OK: 300 snapshots verified/);
}, 240_000);
