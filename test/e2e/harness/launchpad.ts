/** A blank page on 127.0.0.1 from which Firefox tests step into extension pages. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export function startLaunchpad(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<!doctype html><title>launchpad</title>');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/launchpad`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
