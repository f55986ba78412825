// Precompressed copies of the built web app: next to every text file of dist/web worth it,
// `name.br` (Brotli, quality 11) and `name.gz` (gzip, level 9), which the server picks by the
// request's Accept-Encoding (src/server/app.ts). Done once at build time, so no request
// pays for compression and the strongest settings cost nothing.
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text files only; images such as PNG are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|map)$/;
/** Below this, headers outweigh any saving. */
const MIN_BYTES = 1024;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(file) : [file];
  });
}

export async function compressDirectory(
  dir: string,
): Promise<{ files: number; bytes: number; brotli: number; gzip: number }> {
  const totals = { files: 0, bytes: 0, brotli: 0, gzip: 0 };
  const files = filesUnder(dir).filter((file) => COMPRESSIBLE.test(file) && fs.statSync(file).size >= MIN_BYTES);
  await Promise.all(
    files.map(async (file) => {
      const content = fs.readFileSync(file);
      const [br, gz] = await Promise.all([
        brotli(content, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
        gzip(content, { level: 9 }),
      ]);
      // A compressed copy that is not smaller is not worth a second file.
      if (br.length < content.length) fs.writeFileSync(`${file}.br`, br);
      if (gz.length < content.length) fs.writeFileSync(`${file}.gz`, gz);
      totals.files += 1;
      totals.bytes += content.length;
      totals.brotli += Math.min(br.length, content.length);
      totals.gzip += Math.min(gz.length, content.length);
    }),
  );
  return totals;
}

export function precompress(): Plugin {
  let outDir = '';
  let log: (message: string) => void = () => undefined;
  return {
    name: 'caunoi:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
      log = (message) => config.logger.info(message);
    },
    async closeBundle() {
      const totals = await compressDirectory(outDir);
      const kB = (n: number) => `${(n / 1024).toFixed(0)} kB`;
      log(
        `precompressed ${totals.files} files: ${kB(totals.bytes)} → brotli ${kB(totals.brotli)}, gzip ${kB(totals.gzip)}`,
      );
    },
  };
}
