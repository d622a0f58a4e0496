/**
 * Builds the sample register and the hostile fixture once for all browser tests, and
 * serves both. A build failure fails the run: browser tests never skip.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, nginxConfOf, serveSite, ROOT, TMP } from './site.ts';
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
  const sites = {
    sample: { data: resolve(ROOT, 'data'), out: resolve(TMP, 'site-sample') },
    hostile: { data: resolve(ROOT, 'tests/fixtures/hostile'), out: resolve(TMP, 'site-hostile') },
  };
  const servers: { url: string; stop: () => Promise<void> }[] = [];
  // The sample's build also writes the nginx configuration tests/browser/hosting.test.ts serves it with.
  const nginxPort = await freePort();
  const extraEnv: Record<string, Record<string, string>> = {
    sample: { REGISTER_NGINX_LISTEN: `127.0.0.1:${nginxPort}` },
    hostile: { KR_COMPONENT_EXAMPLES: '1' },
  };
  for (const [name, site] of Object.entries(sites)) {
    rmSync(site.out, { recursive: true, force: true });
    // The hostile fixture site also carries the component gallery (see src/pages/[lang]/voorbeelden).
    const outcome = buildSite(site.data, site.out, extraEnv[name]);
    if (outcome.status !== 0) {
      throw new Error(`building the ${name} site failed (exit ${outcome.status}):\n${outcome.stdout}\n${outcome.stderr}`);
    }
    servers.push(await serveSite(site.out));
  }
  project.provide('sampleUrl', servers[0]!.url);
  project.provide('sampleOut', sites.sample.out);
  project.provide('hostileUrl', servers[1]!.url);
  project.provide('hostileOut', sites.hostile.out);
  project.provide('sampleNginxConf', nginxConfOf(sites.sample.out));
  project.provide('sampleNginxPort', nginxPort);
  return async () => {
    for (const server of servers) await server.stop();
  };
}
