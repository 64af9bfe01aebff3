import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { protocolLoader } from '/work/wt-loader/src/lib/text/protocol-loader.ts';
const root = process.argv[2]; const workers = JSON.parse(process.argv[3] ?? '{}');
const entries = new Map();
const store = { get: (id) => entries.get(id), set: (e) => (entries.set(e.id, e), true), keys: () => [...entries.keys()], delete: (id) => void entries.delete(id) };
const context = { store, config: { root: pathToFileURL(`${root}/`) }, parseData: async ({ data }) => data,
  generateDigest: (d) => createHash('sha256').update(d).digest('hex'), logger: { info: console.log, warn() {}, error() {} } };
const t = performance.now();
await protocolLoader({ base: './content/protocols', workers }).load(context);
console.log('sync s', ((performance.now() - t) / 1000).toFixed(1), JSON.stringify(workers));
