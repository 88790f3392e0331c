import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { joinPath } from '../config/problems';
import { PRECOMPILED } from './precompiled';

/** The product's templates: two levels above this file in src/ and in dist/ alike. */
export const TEMPLATES_DIR = join(__dirname, '..', '..', 'docs-templates');

/** A template could not be rendered: a missing value, or no such template. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** Renders `NAME.hbs` of a templates folder with a view; throws TemplateError. */
export type Renderer = (name: string, view: object) => string;

/**
 * Markdown and YAML need no HTML escaping (it would print `sse_kms_key&#x3D;`), and
 * strict mode makes a value missing from the view fail the render.
 */
const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

const renderers = new Map<string, Renderer>();

/** One renderer per templates folder; each template is compiled once, on first use. */
export function createRenderer(dir: string): Renderer {
  const existing = renderers.get(dir);
  if (existing) return existing;

  const handlebars = Handlebars.create();
  const precompiled = dir === TEMPLATES_DIR ? PRECOMPILED : {};
  registerPartials(handlebars, join(dir, 'partials'), precompiled);
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  const renderer: Renderer = (name, view) => {
    try {
      assertComplete(view, '');
      let template = compiled.get(name);
      if (!template) {
        const spec = precompiled[name];
        template = spec
          ? handlebars.template(spec as TemplateSpec)
          : handlebars.compile(readTemplate(dir, name), COMPILE_OPTIONS);
        compiled.set(name, template);
      }
      return template(view);
    } catch (error) {
      const message = (error as Error).message.replace(' in [object Object]', '');
      throw new TemplateError(`${name}: ${message}`);
    }
  };
  renderers.set(dir, renderer);
  return renderer;
}

/** Renders one of the product's templates (docs-templates/NAME.hbs). */
export function renderTemplate(name: string, view: object): string {
  return createRenderer(TEMPLATES_DIR)(name, view);
}

type TemplateSpec = Parameters<typeof Handlebars.template>[0];

function registerPartials(
  handlebars: typeof Handlebars,
  dir: string,
  precompiled: Readonly<Record<string, object>>,
): void {
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.hbs'))) {
    const name = basename(file, '.hbs');
    const spec = precompiled[`partials/${name}`];
    const partial = spec
      ? handlebars.template(spec as TemplateSpec)
      : readFileSync(join(dir, file), 'utf8');
    handlebars.registerPartial(name, partial);
  }
}

function readTemplate(dir: string, name: string): string {
  const file = join(dir, `${name}.hbs`);
  if (!existsSync(file)) throw new Error(`no template ${name}.hbs in ${dir}`);
  return readFileSync(file, 'utf8');
}

/** Strict mode only catches absent keys; a key holding nothing must fail as well. */
function assertComplete(value: unknown, path: string): void {
  if (value === undefined || value === null || Number.isNaN(value)) {
    throw new Error(`view value ${path} is ${String(value)}`);
  }
  if (typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value)) {
    assertComplete(item, joinPath(path, Array.isArray(value) ? Number(key) : key));
  }
}
