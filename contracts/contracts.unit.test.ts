import { readdirSync, readFileSync } from 'node:fs';
import { OpenAPIHono, type z } from '@hono/zod-openapi';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Fund, Grant, OutboxEmail, Project, School } from '../admin/src/types.ts';
import { SCHOOL_KINDS } from '../domain/schools.ts';
import { Project as ProjectSchema } from './projects.ts';
import { School as SchoolSchema } from './schools.ts';

/** Every source file of the admin, with its text. */
function adminSources(): { path: string; text: string }[] {
  const root = new URL('../admin/src/', import.meta.url);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.tsx?$/.test(path) && !path.endsWith('.test.ts'))
    .map((path) => ({ path, text: readFileSync(new URL(path, root), 'utf8') }));
}

/** The OpenAPI description of one schema, as the API's document gives it. */
function documented(schema: z.ZodType): { properties?: Record<string, unknown> } {
  const app = new OpenAPIHono();
  app.openAPIRegistry.register('Checked', schema);
  const document = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'contracts', version: '1' } });
  return document.components?.schemas?.Checked as { properties?: Record<string, unknown> };
}

describe('one contract between the API and the admin', () => {
  it('leaves the admin no record shape of its own: its types are those of the API’s schemas in contracts/', () => {
    const types = readFileSync(new URL('../admin/src/types.ts', import.meta.url), 'utf8');
    expect(types).not.toMatch(/\binterface\b/);
    const sources = [...types.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((source) => !source?.startsWith('../../contracts/'))).toEqual([]);
  });

  it('leaves no admin screen a record or an answer written by hand: each is a type of contracts/', () => {
    const ownShapes = adminSources().flatMap(({ path, text }) =>
      [
        ...text.matchAll(/\binterface \w+ extends RaRecord\b/g),
        // the data provider's create serves every resource: it reads only the id the API gives any new record
        ...(path.endsWith('dataProvider.ts') ? [] : text.matchAll(/\bfetchApi<\{/g)),
        ...text.matchAll(/\buse(Home|ApiAction|RecordContext)<\{/g),
        ...text.matchAll(/\buseRecordContext<\w+ & \{/g),
      ].map((match) => `${path}: ${match[0]}`),
    );
    expect(ownShapes).toEqual([]);
  });

  it('gives the admin every instant of an answer as the ISO string JSON carries, as OpenAPI says', () => {
    expectTypeOf<Project['statusChangedAt']>().toEqualTypeOf<string>();
    expectTypeOf<Project['campaignEndsAt']>().toEqualTypeOf<string | null>();
    expectTypeOf<Grant['settledAt']>().toEqualTypeOf<string | null>();
    expectTypeOf<OutboxEmail['sendAfter']>().toEqualTypeOf<string>();
    expectTypeOf<Fund['id']>().toEqualTypeOf<number>();
    expect(documented(ProjectSchema).properties?.statusChangedAt).toMatchObject({ type: 'string' });
  });

  it('names in the OpenAPI answer the values a field may take, as the admin’s type does', () => {
    expectTypeOf<School['kind']>().toEqualTypeOf<(typeof SCHOOL_KINDS)[number]>();
    expectTypeOf<School['id']>().toEqualTypeOf<string>();
    expect(documented(SchoolSchema).properties?.kind).toMatchObject({ enum: [...SCHOOL_KINDS] });
  });
});
