/**
 * Builds the sample register and the hostile fixture once for all browser tests, and
 * serves both. A build failure fails the run: browser tests never skip.
 */
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { builtSite, HOSTILE_SITE, nginxConfOf, serveSite, ROOT } from './site.ts';
import { freePort } from '../../scripts/lib/nginx.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleUrl: string;
    sampleOut: string;
    hostileUrl: string;
    hostileOut: string;
    /** The sample site's nginx.conf as its build wrote it, for `listen 127.0.0.1:sampleNginxPort`. */
    sampleNginxConf: string;
    sampleNginxPort: number;
  }
}

export default async function setup(project: TestProject) {
  // The sample's build also writes the nginx configuration tests/browser/hosting.test.ts serves it with.
  const nginxPort = await freePort();
  // Both at once, so that neither waits for the other to finish. The hostile
  // site is the one the unit tests that read a built site share; it carries the component
  // gallery (see src/pages/[lang]/voorbeelden) and the code for other websites.
  const [sampleOut, hostileOut] = await Promise.all([
    builtSite({ data: resolve(ROOT, 'data'), env: { REGISTER_NGINX_LISTEN: `127.0.0.1:${nginxPort}` } }),
    builtSite(HOSTILE_SITE),
  ]);
  const servers = [await serveSite(sampleOut), await serveSite(hostileOut)];
  project.provide('sampleUrl', servers[0]!.url);
  project.provide('sampleOut', sampleOut);
  project.provide('hostileUrl', servers[1]!.url);
  project.provide('hostileOut', hostileOut);
  project.provide('sampleNginxConf', nginxConfOf(sampleOut));
  project.provide('sampleNginxPort', nginxPort);
  return async () => {
    for (const server of servers) await server.stop();
  };
}
