import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';

/** Templates ship beside dist/ and src/ alike: two levels above this file. */
const TEMPLATES = join(__dirname, '..', '..', 'docs-templates');

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/**
 * Renders `docs-templates/NAME.hbs`. Markdown needs no HTML escaping, and a
 * value missing from the view model is an error rather than an empty string.
 */
export function renderTemplate(name: string, view: object): string {
  let template = compiled.get(name);
  if (!template) {
    const source = readFileSync(join(TEMPLATES, `${name}.hbs`), 'utf8');
    template = Handlebars.create().compile(source, { strict: true, noEscape: true });
    compiled.set(name, template);
  }
  return template(view);
}
