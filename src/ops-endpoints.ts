import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { CheckHealth } from './health.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';

/** GET /healthz and GET /metrics; `handle` says whether the request was one of them. */
export interface OpsEndpoints {
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

export function createOpsEndpoints(checkHealth: CheckHealth, metrics: Metrics, log: Logger): OpsEndpoints {
  const fail = (res: ServerResponse, error: Error) => {
    log.error({ err: { name: error.name, message: error.message } }, 'health or metrics request failed');
    if (!res.headersSent) res.writeHead(500).end();
  };
  return {
    handle(req, res) {
      // The query string is ignored: Prometheus and probes add none, but a proxy might.
      const path = (req.url ?? '').split('?')[0];
      if (req.method !== 'GET' || (path !== '/healthz' && path !== '/metrics')) return false;
      if (path === '/healthz') {
        checkHealth().then(
          (health) => {
            res
              .writeHead(health.status === 'ok' ? 200 : 503, {
                'content-type': 'application/json',
                'cache-control': 'no-store',
              })
              .end(JSON.stringify(health));
          },
          (error: Error) => fail(res, error),
        );
      } else {
        metrics.render().then(
          ({ contentType, body }) => {
            res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
          },
          (error: Error) => fail(res, error),
        );
      }
      return true;
    },
  };
}

/** A server of its own for the endpoints (METRICS_PORT): everything else is 404. */
export async function serveOps(endpoints: OpsEndpoints, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    if (!endpoints.handle(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
