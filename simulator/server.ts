/**
 * The e-LAAS simulator's HTTP server: serves a New e-LAAS-like single-page app on 127.0.0.1.
 * Independent of the extension: it never imports `site/`.
 * (Issue 3 grows this into the full simulator: model, both auth designs, API, faults.)
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGES = join(dirname(fileURLToPath(import.meta.url)), 'pages');

const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'app.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
};

export interface Simulator {
  url: string;
  close(): Promise<void>;
}

async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const entry = STATIC[path];
  if (!entry || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('ไม่พบหน้าที่ต้องการ');
    return;
  }
  const body = await readFile(join(PAGES, entry.file));
  res.writeHead(200, {
    'content-type': entry.type,
    'cache-control': 'no-store',
    // Like a modern SPA: scripts only from itself.
    'content-security-policy': "default-src 'self'; img-src 'self' data:",
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export function startSimulator(options: { port?: number; host?: string } = {}): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
