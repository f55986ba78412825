// The OpenAPI document against the policy the denial matrix enforces
// (test/denial-matrix.ts): what an operation says about who may call it and
// how it refuses must be what the routes do. Redocly's lint (npm test step
// "openapi lint") checks the document's form; this checks its truth.
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../scripts/openapi.ts';
import { CALLERS, operationKey, parseTable, type Row } from './denial-matrix.ts';

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
}

let operations: Map<string, Operation>;
const rows = parseTable();
const rowsOf = (key: string): Row[] => rows.filter((row) => operationKey(row) === key);
const refusals = (key: string): Set<number> =>
  new Set(
    rowsOf(key).flatMap((row) => CALLERS.map((caller) => row.cells[caller].expected).filter((cell) => cell !== 'ok')),
  );

beforeAll(async () => {
  const document = (await openApiDocument()) as { paths: Record<string, Record<string, Operation>> };
  operations = new Map(
    Object.entries(document.paths).flatMap(([route, methods]) =>
      Object.entries(methods).map(([method, operation]) => [`${method.toUpperCase()} ${route}`, operation] as const),
    ),
  );
});

describe('the OpenAPI document', () => {
  it('declares every refusal the denial matrix expects of an operation', () => {
    const undeclared = [...operations].flatMap(([key, operation]) =>
      [...refusals(key)]
        .filter((status) => !(String(status) in operation.responses))
        .map((status) => `${key} ${operation.operationId}: ${status}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('declares 403 on a read only where some caller gets it (a GET has no CSRF refusal)', () => {
    const unfounded = [...operations]
      .filter(([key, operation]) => key.startsWith('GET ') && '403' in operation.responses && !refusals(key).has(403))
      .map(([key]) => key);
    expect(unfounded).toEqual([]);
  });

  it('names credentials exactly where a caller without any is refused', () => {
    const wrong = [...operations].flatMap(([key, operation]) => {
      const anonymousRefused = rowsOf(key).some((row) => row.cells.anon.expected === 401);
      const isPublic = operation.security?.length === 0;
      return anonymousRefused === isPublic
        ? [
            `${key}: ${isPublic ? 'public, but refuses callers without credentials' : 'asks for credentials no caller needs'}`,
          ]
        : [];
    });
    expect(wrong).toEqual([]);
  });

  it('gives the integration API to API keys only, and API keys nothing else', () => {
    const wrong = [...operations]
      .filter(
        ([key, operation]) =>
          key.includes(' /api/v1/') !== (operation.security ?? []).some((requirement) => 'apiKey' in requirement),
      )
      .map(([key, operation]) => `${key}: ${JSON.stringify(operation.security)}`);
    expect(wrong).toEqual([]);
    const v1 = [...operations].filter(([key]) => key.includes(' /api/v1/'));
    expect(v1.map(([, operation]) => operation.security)).toEqual(v1.map(() => [{ apiKey: [] }]));
  });

  it('asks a signed-in session for its CSRF token on every request that changes something', () => {
    const wrong = [...operations].flatMap(([key, operation]) =>
      (operation.security ?? [])
        .filter((requirement) => 'session' in requirement && 'csrfToken' in requirement === key.startsWith('GET '))
        .map(() => key),
    );
    expect(wrong).toEqual([]);
  });
});
