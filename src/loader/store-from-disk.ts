/**
 * `astro build`: the page build reads the content store's pieces from disk
 * instead of carrying them in its bundle.
 *
 * Astro hands the prerenderer its content store as a module that imports
 * one module per piece of the store, each `export default "<1 MiB of the
 * store as a string>"` (experimental.collectionStorage: chunked). At ten
 * years of logs the store is about 100 MB: Rolldown parsed and wrote all of
 * it into the server bundle (18.6 s of a 47 s rebuild at 3,650 logs) and V8
 * compiled it again before the pages were rendered — on every build, also
 * after a one-log edit. A static build renders its pages on the machine that
 * has just written the store, so the store's module can read the pieces' files
 * when it is evaluated: the same text (Astro's reader takes a piece as a
 * string or as a module), nothing to bundle or compile; the piece modules are
 * never imported.
 *
 * `astro build` writes the store and renders the pages in one process, so the
 * store is usually still in memory: the writer (patches/astro+*.patch) leaves
 * what it wrote on a global — its folder, the manifest's text and the sorted
 * collections. When that manifest is the one this module was made from, the
 * module hands over those collections (Astro's reader takes a Map as it is)
 * instead of reading and parsing 100 MB again (≈ 2.5 s at ten years of
 * logs); the pieces' names are content digests, so equal manifests mean an
 * equal store. Otherwise (another process, a store written since) it reads
 * the pieces.
 *
 * Only for `astro build`; `astro dev` keeps Astro's own modules. Piece names
 * are checked as strictly as Astro checks them (16 hex digits), so the module
 * can only read files of the store's folder.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Astro's id of the store's module and where a build keeps the store (astro/dist/content/consts.js, paths.js). */
const STORE_MODULE = '\0astro:data-layer-content';
const STORE_FOLDER = 'data-store/';
const MANIFEST = 'manifest.json';
const PIECE_FILE = /^[a-f0-9]{16}\.txt$/;

/** The manifest of a chunked store: each collection's pieces, in order. */
export type StoreManifest = Record<string, string[]>;

/** Where the patched store writer leaves what it last wrote (patches/astro+*.patch, data-store-writer.js). */
export const WRITTEN_STORE = 'astro:content-store-written';

/**
 * The store's module for a manifest (its file's text): the collections the
 * writer just wrote to `storeFolder` if they are still in memory, else each
 * collection's pieces read from `storeFolder` as the module is evaluated.
 */
export function storeModule(manifestText: string, storeFolder: string): string {
  const manifest = JSON.parse(manifestText) as StoreManifest;
  const collections = Object.entries(manifest).map(([collection, pieces]) => {
    const reads = pieces.map((piece) => {
      if (!PIECE_FILE.test(piece)) throw new Error(`not a piece of Astro's content store: ${JSON.stringify(piece)}`);
      return `piece(${JSON.stringify(piece)})`;
    });
    return `${JSON.stringify(collection)}: [${reads.join(', ')}]`;
  });
  return [
    `import { readFileSync } from 'node:fs';`,
    `import { pathToFileURL } from 'node:url';`,
    `const folder = ${JSON.stringify(storeFolder)};`,
    `const piece = (name) => readFileSync(folder + name, 'utf8');`,
    `const written = globalThis[Symbol.for(${JSON.stringify(WRITTEN_STORE)})];`,
    `const same = written?.dir === pathToFileURL(folder).href && written.manifest === ${JSON.stringify(manifestText)} && written.collections instanceof Map;`,
    `export default same ? written.collections : { ${collections.join(', ')} };`,
    '',
  ].join('\n');
}

export function storeFromDisk(): AstroIntegration {
  return {
    name: 'nisshi:store-from-disk',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const storage = config.experimental.collectionStorage;
        // Only a store in pieces has the manifest this reads; a single-file store stays Astro's.
        if (command !== 'build' || storage === undefined || storage === 'single-file') return;
        const storeFolder = path.join(fileURLToPath(new URL(STORE_FOLDER, config.cacheDir)), path.sep);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'nisshi:store-from-disk',
                // Astro's own plugin loads this id (no plugin of a config can run before it);
                // its module is replaced before Rolldown follows the imports of the pieces.
                transform: {
                  filter: { id: new RegExp(`^${STORE_MODULE}$`) },
                  handler() {
                    // No store written yet (no collection was synced): Astro's own module stands, an empty store.
                    let manifest: string;
                    try {
                      manifest = readFileSync(storeFolder + MANIFEST, 'utf8');
                    } catch (error) {
                      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
                      throw error;
                    }
                    return { code: storeModule(manifest, storeFolder), map: { mappings: '' } };
                  },
                },
              },
            ],
          },
        });
      },
    },
  };
}
