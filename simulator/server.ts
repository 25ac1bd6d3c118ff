/**
 * The e-LAAS simulator's HTTP server on 127.0.0.1. Design A (default) is a New e-LAAS-like SPA
 * with a Keycloak-style login and a JSON API; design B is server-rendered with a cookie session.
 * Both share the model, the faults and the control surface at /__sim/.
 * Independent of the extension: nothing here imports `site/`.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SimContext, type SimOptions } from './web/context';
import { CONTROL, handleControl } from './web/control';
import { handleA } from './web/design-a';
import { handleB } from './web/design-b';
import { bufferBody, sendHtml } from './web/http';
import { maintenancePage } from './web/layout';

const PAGES = join(dirname(fileURLToPath(import.meta.url)), 'pages');

const STATIC: Record<string, { file: string; type: string }> = {
  '/static/elaas.css': { file: 'elaas.css', type: 'text/css; charset=utf-8' },
  '/static/spa.js': { file: 'spa.js', type: 'text/javascript; charset=utf-8' },
};

export interface Simulator {
  url: string;
  ctx: SimContext;
  close(): Promise<void>;
}

/** Requests are counted per endpoint, with ids folded: `GET /api/v1/expenditure/payments/:id`. */
export function endpointKey(method: string, path: string): string {
  const folded = path
    .split('/')
    .map((seg) => (/^(p\d{6}|PV\d{4}-\d{6}|\d+)$/.test(seg) ? ':id' : seg))
    .join('/');
  return `${method} ${folded}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function serve(ctx: SimContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === CONTROL || url.pathname.startsWith(`${CONTROL}/`)) {
    await handleControl(ctx, req, res, url);
    return;
  }
  if (ctx.faults.offline) {
    req.socket.destroy();
    return;
  }
  const asset = STATIC[url.pathname];
  if (asset) {
    res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-cache' });
    res.end(await readFile(join(PAGES, asset.file)));
    return;
  }
  if (url.pathname === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  ctx.count(
    endpointKey(req.method ?? 'GET', url.pathname),
    `${req.method ?? 'GET'} ${url.pathname}${url.search}`,
  );
  bufferBody(req);
  if (ctx.faults.latencyMs > 0) await sleep(ctx.faults.latencyMs);
  if (ctx.faults.maintenance) {
    sendHtml(res, 503, maintenancePage(), { 'retry-after': '300' });
    return;
  }
  const handled = ctx.design === 'A' ? await handleA(ctx, req, res, url) : await handleB(ctx, req, res, url);
  if (!handled)
    sendHtml(res, 404, '<!doctype html><meta charset="utf-8"><title>404</title><p>ไม่พบหน้าที่ต้องการ</p>');
}

export function startSimulator(
  options: SimOptions & { port?: number; host?: string } = {},
): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  const ctx = new SimContext(options);
  const server = createServer((req, res) => {
    serve(ctx, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('เกิดข้อผิดพลาดภายในระบบ');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${port}/`,
        ctx,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
