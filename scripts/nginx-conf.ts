/**
 * `npm run nginx-conf -- --dist DIR [--listen 8080] [--root /srv/register/dist] [--include FILE] [--prefix NAME] [--out FILE]`:
 * the nginx configuration for a site built earlier, from the `_headers` its build wrote, for
 * a server other than the one the build assumed (another port, or the site at another path on
 * the web server). `npm run build` already writes one (deploy/nginx.conf, with
 * REGISTER_NGINX_LISTEN, REGISTER_NGINX_ROOT and REGISTER_NGINX_INCLUDE); this is the same
 * function with other values.
 * Without --out it prints the configuration.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { nginxConfFor, writeFileAtomically } from '../src/site/host-config.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    listen: { type: 'string', default: '8080' },
    root: { type: 'string' },
    include: { type: 'string' },
    prefix: { type: 'string' },
    out: { type: 'string' },
  },
});
const conf = nginxConfFor(resolve(values.dist), {
  listen: values.listen,
  root: resolve(values.root ?? values.dist),
  ...(values.include ? { include: resolve(values.include) } : {}),
  ...(values.prefix ? { prefix: values.prefix } : {}),
});
if (values.out) {
  writeFileAtomically(resolve(values.out), conf);
  console.log(`Wrote ${resolve(values.out)}.`);
} else {
  process.stdout.write(conf);
}
