// A typed client generated from the OpenAPI document (openapi-typescript) must
// compile the code written against it (test/openapi-client/vendor.ts): the
// document cannot drift from the routes, nor the integration API from what its
// vendors call, without this test failing and naming the line.
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { openApiDocument, writeOpenApiTypes } from '../scripts/openapi.ts';

function compile(project: string): string {
  const host: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => process.cwd(),
    getNewLine: () => '\n',
  };
  const config = ts.getParsedCommandLineOfConfigFile(
    project,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.formatDiagnostic(diagnostic, host));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${project}`);
  const program = ts.createProgram({ rootNames: config.fileNames, options: { ...config.options, noEmit: true } });
  return ts.formatDiagnostics([...config.errors, ...ts.getPreEmitDiagnostics(program)], host);
}

describe('the client generated from the OpenAPI document', () => {
  it('compiles the integration client code written against it', { timeout: 180_000 }, async () => {
    await writeOpenApiTypes(await openApiDocument());
    const project = path.resolve('test/openapi-client/tsconfig.json');
    expect(compile(project), 'type errors of test/openapi-client against the generated types').toBe('');
  });
});
