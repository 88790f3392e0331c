/**
 * Templates compiled ahead of time, by path under docs-templates/ without `.hbs`. Empty in
 * the sources: the bundle that the command line runs fills it in (scripts/build.mjs), so that
 * a run spends no time compiling. The drift test compares both ways: generated/ is written
 * by the bundle and checked against what the sources render.
 */
export const PRECOMPILED: Readonly<Record<string, TemplateSpecification>> = {};

export type TemplateSpecification = object;
