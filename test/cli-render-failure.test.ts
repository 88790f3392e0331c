import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readTree, runCli, tempDir } from './support/tree';

// Rendering fails only after the first run has written its output.
let failRender = false;
jest.mock('../src/cli/render', () => {
  const actual = jest.requireActual('../src/cli/render');
  return {
    ...actual,
    renderAll: (...args: unknown[]) => {
      if (failRender) throw new Error('injected render failure');
      return actual.renderAll(...args);
    },
  };
});

test('a failure while rendering exits 3, reports it and leaves earlier output byte-identical', async () => {
  const out = join(tempDir('render'), 'out');
  expect((await runCli(['--out', out])).status).toBe(0);
  const before = readTree(out);
  const siblings = readdirSync(dirname(out));
  failRender = true;

  const result = await runCli(['--out', out]);

  expect([result.status, result.stdout]).toEqual([3, '']);
  expect(result.stderr).toMatch(
    /^internal error, please report it: Error: injected render failure\n/,
  );
  expect(readTree(out)).toEqual(before);
  expect(readdirSync(dirname(out))).toEqual(siblings);
});
