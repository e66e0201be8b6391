import { request } from 'node:http';

/** GET with a chosen Host header (fetch may not set it), as a proxied or DNS-rebinding request would carry it. */
export function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}
