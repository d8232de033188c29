/**
 * The real office.js (node_modules/@microsoft/office-js, Excel on the web's build) in a VM of its own,
 * with its request executor replaced by one that records each request body and answers with empty
 * results: what office.js would SEND for a batch, to compare with the in-memory Excel's byte count.
 * Node only (jest); not part of the browser entry.
 */
import { readFileSync } from 'fs';
import * as vm from 'vm';

interface OfficeJs {
  Excel: { RequestContext: new () => Excel.RequestContext };
}

let loaded: OfficeJs | undefined;

function officeJs(): OfficeJs {
  if (loaded) return loaded;
  const file = require.resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js');
  // Its globals stay in the sandbox, out of jest's.
  const sandbox: Record<string, unknown> = {
    setTimeout, clearTimeout, console, Promise, JSON, Math, Date, Object, Array, Error,
    navigator: { userAgent: 'node' }, location: { href: 'https://localhost/' },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  vm.runInContext(readFileSync(file, 'utf8'), vm.createContext(sandbox), { filename: 'excel-web-16.00.debug.js' });
  loaded = sandbox as unknown as OfficeJs;
  return loaded;
}

/**
 * Runs `batch` on a real office.js RequestContext and returns the UTF-8 size of every request body it
 * sent. Nothing comes back (loads stay unloaded), so the batch must not read what it loads; a sync
 * whose results office.js cannot apply is passed over.
 */
export async function officeJsRequestBytes(batch: (ctx: Excel.RequestContext) => Promise<unknown>): Promise<number[]> {
  const ctx = new (officeJs().Excel.RequestContext)();
  const bodies: number[] = [];
  // The executor office.js uses to reach Excel: it gets the request message with its Body.
  (ctx as unknown as { _requestExecutor: unknown })._requestExecutor = {
    executeAsync(_customData: unknown, _flags: unknown, message: { Body: unknown }) {
      bodies.push(Buffer.byteLength(JSON.stringify(message.Body), 'utf8'));
      return Promise.resolve({ ErrorCode: null, Body: { Results: [] }, Headers: {} });
    },
  };
  await batch(ctx);
  return bodies;
}
