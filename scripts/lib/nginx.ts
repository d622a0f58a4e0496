/**
 * Runs Debian's nginx with a site's `deploy/nginx.conf`, as an ordinary child process: not a
 * daemon, on a loopback port, with its pid file, logs and temporary files in a folder of its
 * own, so tests and benchmarks serve the site exactly as a deployment would, and leave nothing
 * running. A missing nginx is an error (CI installs it), never a reason to skip.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Debian's nginx (what CI installs); NGINX_BIN points elsewhere on another system. */
export const NGINX = process.env.NGINX_BIN || '/usr/sbin/nginx';

/** A free TCP port on the loopback interface, for a server started right after. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** A started nginx: where it answers, what it logged, and how to stop it (always call `stop`). */
export interface RunningNginx {
  url: string;
  /** nginx's error log so far (startup problems, files it could not open). */
  errors: () => string;
  stop: () => Promise<void>;
}

/**
 * Serves with `siteConf` (an nginx.conf written by the build, for `listen 127.0.0.1:PORT`) and
 * resolves once the port answers. The site's file is included in a minimal main configuration,
 * as /etc/nginx/nginx.conf includes conf.d/; several files are included in the order given,
 * as two sites on one server would be (`port` is then the first one's).
 */
export async function startNginx(siteConf: string | readonly string[], port: number): Promise<RunningNginx> {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: apt-get install -y nginx (.ci/run does)`);
  const prefix = mkdtempSync(join(tmpdir(), 'kr-nginx-'));
  for (const folder of ['logs', 'temp']) mkdirSync(join(prefix, folder));
  const main = join(prefix, 'nginx.conf');
  writeFileSync(
    main,
    [
      'daemon off;',
      'master_process on;',
      'worker_processes 1;',
      // Workers run as the user who started nginx: as root they would switch to "nobody",
      // which may not read a site in someone's home or scratch folder.
      ...(process.getuid?.() === 0 ? ['user root root;'] : []),
      `pid ${join(prefix, 'nginx.pid')};`,
      `error_log ${join(prefix, 'logs', 'error.log')} warn;`,
      'events { worker_connections 256; }',
      'http {',
      '    access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${join(prefix, 'temp', kind)};`),
      ...[siteConf].flat().map((conf) => `    include ${resolve(conf)};`),
      '}',
      '',
    ].join('\n'),
  );
  const errorLog = join(prefix, 'logs', 'error.log');
  const child = spawn(NGINX, ['-p', prefix, '-c', main, '-e', errorLog], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const errors = () => stderr + (existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '');
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGQUIT'); // graceful: workers finish their requests, then the master exits
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(prefix, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      const log = errors();
      await stop();
      throw new Error(`nginx exited at start (code ${child.exitCode}):\n${log}`);
    }
    try {
      await fetch(`${url}/`, { method: 'HEAD' });
      return { url, errors, stop };
    } catch {
      if (Date.now() > deadline) {
        const log = errors();
        await stop();
        throw new Error(`nginx did not answer on ${url} within 15 s:\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
