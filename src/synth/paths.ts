import { join } from 'node:path';

/** The package root: two levels above this file in src/ and in dist/ alike. */
export const PACKAGE_ROOT = join(__dirname, '..', '..');

export const EXAMPLE_CONFIG = join(PACKAGE_ROOT, 'examples', 'acme-prod.yaml');
export const DEFAULT_OUT = join(PACKAGE_ROOT, 'generated');
export { TEMPLATES_DIR } from '../docs/render';
