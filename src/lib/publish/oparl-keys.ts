/**
 * Cache keys of the OParl export's files for the incremental build (`src/pages/oparl/1.1/[...path].ts`).
 * An object of the export is embedded in others: an AgendaItem in its Meeting, the Meeting in the
 * meeting list pages of the body and of its committee, a Consultation in its Paper. Hashing each
 * file's whole JSON hashed every object three or four times (the largest part of the route's
 * `getStaticPaths`, issue #24); here each object's JSON is hashed once, and an object that embeds
 * another hashes that one's key in its place.
 */
import { jsonKey } from '../views/page-key';
import type { OparlFile } from './oparl';

/** Stands for an embedded object in its embedder's JSON; no OParl field starts with U+0000. */
const KEY = '\u0000key';

/**
 * The key of each file's `data`: `jsonKey` of its JSON, in which every value (or array element) that
 * is another file's object (by identity, as `oparlExport` embeds them) is replaced by that object's
 * key. Equal keys mean equal JSON (the embedded objects' keys are equal, so are they), hence equal
 * bytes of the served `JSON.stringify(data, null, 2)`.
 * @param ignore as for `pageKey`: the export time, removed from every object's JSON before hashing
 * @example oparlFileKeys(oparlExport(index, site, stamp), [stamp]).get(files[0].data) // => 'Xy…' (43 characters)
 */
export function oparlFileKeys(files: readonly OparlFile[], ignore: readonly string[] = []): Map<object, string> {
  const owned = new Set<object>(files.map((file) => file.data));
  const keys = new Map<object, string>();
  const stand = (value: unknown): unknown => (typeof value === 'object' && value !== null && owned.has(value) ? { [KEY]: keyOf(value) } : value);
  const keyOf = (object: object): string => {
    let key = keys.get(object);
    if (key === undefined) {
      const shallow: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(object)) shallow[name] = Array.isArray(value) ? value.map(stand) : stand(value);
      keys.set(object, (key = jsonKey(shallow, ignore)));
    }
    return key;
  };
  for (const file of files) keyOf(file.data);
  return keys;
}
