import { join } from 'node:path';
import { createRenderer, renderTemplate, TemplateError } from '../src/docs/render';

const render = createRenderer(join(__dirname, 'support', 'templates'));
const storage = { bucket: 'b', region: 'us-east-1', keyArn: 'arn:aws:kms:us-east-1:1:key/k' };

describe('template renderer', () => {
  test('no HTML escaping: sse_kms_key= keeps its = and & stays &', () => {
    expect(render('storage.yaml', storage)).toEqual(
      'storage: s3://b/records?region=us-east-1&sse_kms_key=arn:aws:kms:us-east-1:1:key/k\n',
    );
  });

  test('a value missing from the view fails the render and names the value', () => {
    const { keyArn: _keyArn, ...withoutKey } = storage;

    expect(() => render('storage.yaml', withoutKey)).toThrow(
      new TemplateError('storage.yaml: "keyArn" not defined - 1:56'),
    );
  });

  test('a runbook rendered from an incomplete view fails on its first missing value', () => {
    expect(() => renderTemplate('runbooks/deploy-and-verify.md', { md: {} })).toThrow(
      new TemplateError('runbooks/deploy-and-verify.md: "name" not defined - 1:44'),
    );
  });

  test('a value that is present but undefined, null or NaN fails the render', () => {
    const bad = [
      { ...storage, keyArn: undefined },
      { ...storage, region: null },
      { ...storage, items: [{ name: Number.NaN }] },
    ];

    expect(bad.map((view) => messageOf(() => render('storage.yaml', view)))).toEqual([
      'storage.yaml: view value keyArn is undefined',
      'storage.yaml: view value region is null',
      'storage.yaml: view value items[0].name is NaN',
    ]);
  });

  test('an optional section is left out when its value is absent', () => {
    expect(render('list.md', { items: [{ name: 'a' }, { name: 'b' }] })).toEqual('- a\n- b\n');
    expect(render('list.md', { extra: 'x', items: [] })).toEqual('extra: x\n');
  });

  test('an unknown template is a clear error', () => {
    expect(messageOf(() => render('nothing.md', {}))).toMatch(
      /^nothing\.md: no template nothing\.md\.hbs in /,
    );
  });
});

function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}
