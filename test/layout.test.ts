import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/fixtures';

/** The data flow of the design, bottom up: a folder imports only from folders before it. */
const ORDER = ['model', 'config', 'policies', 'construct', 'docs', 'synth', 'cli'];

function importsOf(folder: string): Array<[string, string]> {
  const dir = join(ROOT, 'src', folder);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      return [...text.matchAll(/from '([^']+)'/g)].map(([, from]): [string, string] => [
        `${folder}/${file}`,
        from,
      ]);
    });
}

describe('source layout', () => {
  test('each folder imports only from folders listed before it', () => {
    const backwards = ORDER.flatMap((folder, index) =>
      importsOf(folder).filter(([, from]) => {
        const target = /^\.\.\/(\w+)\//.exec(from)?.[1];
        return target !== undefined && ORDER.indexOf(target) > index;
      }),
    );

    expect(backwards).toEqual([]);
  });

  test('the policy builders import nothing from cdktf', () => {
    const fromCdktf = importsOf('policies').filter(([, from]) => /cdktf|constructs/.test(from));

    expect(fromCdktf).toEqual([]);
  });
});
