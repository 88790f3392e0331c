import * as fs from 'node:fs';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { MARKER, markerText, type TreeIo, writeTreeAtomically } from '../src/cli/atomic-write';
import { readTree, tempDir } from './support/tree';

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));

/** A folder written by an earlier run, and the listing of the folder around it. */
function earlierOutput(): { target: string; before: Map<string, string>; siblings: string[] } {
  const target = join(tempDir('atomic'), 'out');
  writeTreeAtomically(target, files({ 'a.json': '{"old":1}\n', 'docs/b.md': '# old\n' }));
  return { target, before: readTree(target), siblings: readdirSync(dirname(target)) };
}

/** The earlier output is byte-identical and nothing was left beside it. */
function expectUntouched({ target, before, siblings }: ReturnType<typeof earlierOutput>): void {
  expect(readTree(target)).toEqual(before);
  expect(readdirSync(dirname(target))).toEqual(siblings);
}

/** Real file system calls, except that `fail` may throw for the one named call. */
function failingIo(fail: (name: string, args: unknown[]) => boolean): TreeIo {
  const wrap =
    (name: keyof TreeIo) =>
    (...args: unknown[]) => {
      if (fail(name, args))
        throw Object.assign(new Error(`injected ${name} failure`), { code: 'EIO' });
      return (fs[name] as (...a: unknown[]) => unknown)(...args);
    };
  const names: Array<keyof TreeIo> = [
    'existsSync',
    'lstatSync',
    'mkdirSync',
    'mkdtempSync',
    'readdirSync',
    'readFileSync',
    'realpathSync',
    'renameSync',
    'rmSync',
    'writeFileSync',
    'chmodSync',
  ];
  return Object.fromEntries(names.map((n) => [n, wrap(n)])) as unknown as TreeIo;
}

describe('writeTreeAtomically', () => {
  test.each([
    ['a file the tool did not write', 'docs/notes.md', 'holds docs/notes.md'],
    [
      'Terraform state kept in the output',
      'state/terraform.tfstate',
      'holds state/terraform.tfstate',
    ],
  ])(
    'refuses to replace earlier output that holds %s, and leaves it as it was',
    (_, path, says) => {
      const earlier = earlierOutput();
      mkdirSync(dirname(join(earlier.target, path)), { recursive: true });
      writeFileSync(join(earlier.target, path), 'mine\n');
      const before = { ...earlier, before: readTree(earlier.target) };

      expect(() => writeTreeAtomically(earlier.target, files({ 'c.json': 'new\n' }))).toThrow(
        `${says}, which this tool did not write (move it out or choose another folder)`,
      );
      expectUntouched(before);
    },
  );

  test('writes every file and the marker into a new folder', () => {
    const target = join(tempDir('atomic'), 'nested', 'out');

    writeTreeAtomically(target, files({ 'a.json': '{}\n', 'x/y/z.md': 'z\n' }));

    expect(readTree(target)).toEqual(
      files({
        [MARKER]:
          'Generated output. Regenerate instead of editing. Files written:\na.json\nx/y/z.md\n',
        'a.json': '{}\n',
        'x/y/z.md': 'z\n',
      }),
    );
    expect(fs.statSync(target).mode & 0o777).toBe(0o755);
    expect(readdirSync(dirname(target))).toEqual(['out']);
  });

  test('reads a marker whose line ends a checkout turned into CRLF', () => {
    const { target } = earlierOutput();
    const marker = join(target, MARKER);
    writeFileSync(marker, fs.readFileSync(marker, 'utf8').replace(/\n/g, '\r\n'));

    writeTreeAtomically(target, files({ 'c.json': 'new\n' }));

    expect(readTree(target)).toEqual(
      files({ [MARKER]: markerText(['c.json']), 'c.json': 'new\n' }),
    );
  });

  test('replaces its own earlier output as a whole: files no longer produced disappear', () => {
    const { target, siblings } = earlierOutput();

    writeTreeAtomically(target, files({ 'c.json': 'new\n' }));

    expect(readTree(target)).toEqual(
      files({ [MARKER]: markerText(['c.json']), 'c.json': 'new\n' }),
    );
    expect(readdirSync(dirname(target))).toEqual(siblings);
  });

  test.each([1, 2, 3])(
    'a failure writing file %i leaves the earlier output byte-identical and no staging folder',
    (n) => {
      const earlier = earlierOutput();
      const { target } = earlier;
      let writes = 0;
      const io = failingIo((name) => name === 'writeFileSync' && ++writes === n);

      expect(() =>
        writeTreeAtomically(target, files({ 'a.json': 'new', 'b.json': 'new' }), { io }),
      ).toThrow('injected writeFileSync failure');

      expectUntouched(earlier);
    },
  );

  test('a failure creating a sub-folder leaves the earlier output as it was', () => {
    const earlier = earlierOutput();
    const { target } = earlier;
    const io = failingIo((name, args) => name === 'mkdirSync' && String(args[0]).endsWith('deep'));

    expect(() => writeTreeAtomically(target, files({ 'deep/x.md': 'x' }), { io })).toThrow(
      'injected mkdirSync failure',
    );

    expectUntouched(earlier);
  });

  test('a failure swapping the new folder in puts the earlier output back', () => {
    const earlier = earlierOutput();
    const { target } = earlier;
    const fromStaging = (from: unknown) => /\.new-\w+$/.test(String(from));
    const io = failingIo(
      (name, [from, to]) => name === 'renameSync' && fromStaging(from) && to === target,
    );

    expect(() => writeTreeAtomically(target, files({ 'a.json': 'new' }), { io })).toThrow(
      'injected renameSync failure',
    );

    expectUntouched(earlier);
  });

  test('a failure moving the earlier output aside leaves it in place', () => {
    const earlier = earlierOutput();
    const { target } = earlier;
    const io = failingIo((name, args) => name === 'renameSync' && args[0] === target);

    expect(() => writeTreeAtomically(target, files({ 'a.json': 'new' }), { io })).toThrow(
      'injected renameSync failure',
    );

    expectUntouched(earlier);
  });

  test('two files at one path, a real failure, leave the earlier output as it was', () => {
    const earlier = earlierOutput();
    const { target } = earlier;

    expect(() => writeTreeAtomically(target, files({ 'a/b.json': '1', a: '2' }))).toThrow(/EISDIR/);

    expectUntouched(earlier);
  });
});

describe('writeTreeAtomically refuses a target it must not replace', () => {
  const refusal = (target: string, keep: string[] = []) => {
    try {
      writeTreeAtomically(target, files({ 'a.json': '{}' }), { keep });
    } catch (error) {
      return (error as Error).message;
    }
    return 'written';
  };

  test('a folder holding files it did not write, which stays untouched', () => {
    const target = tempDir('foreign');
    writeFileSync(join(target, 'notes.txt'), 'mine\n');

    expect(refusal(target)).toBe(
      'is not empty and was not written by this tool (choose a new or empty folder)',
    );
    expect(readTree(target)).toEqual(files({ 'notes.txt': 'mine\n' }));
  });

  test('a file', () => {
    const file = join(tempDir('file'), 'out.json');
    writeFileSync(file, 'x');

    expect(refusal(file)).toBe('is a file, not a folder (choose a folder)');
  });

  test('a symbolic link to an earlier output', () => {
    const { target } = earlierOutput();
    const link = join(dirname(target), 'link');
    symlinkSync(target, link);

    expect(refusal(link)).toBe('is a symbolic link (name the folder it points to)');
  });

  test('the root of the file system', () => {
    expect(refusal('/')).toBe('is the file system root (choose a folder of its own)');
  });

  test('the home folder', () => {
    expect(refusal(homedir())).toBe('is the home folder (choose a folder of its own)');
  });

  test('a folder that holds the current folder', () => {
    expect(refusal(dirname(process.cwd()))).toBe(
      'holds the current folder (choose a folder beside or below it)',
    );
  });

  test("the config's own folder, even one this tool wrote", () => {
    const { target } = earlierOutput();
    const config = join(target, 'cluster.yaml');

    expect(refusal(target, [config])).toBe(
      `holds ${config}, which this run reads (choose another folder)`,
    );
  });

  test('an empty folder is accepted', () => {
    const target = tempDir('empty');
    mkdirSync(target, { recursive: true });

    expect(refusal(target)).toBe('written');
  });
});
