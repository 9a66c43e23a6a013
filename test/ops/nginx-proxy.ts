import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpStatus, waitUntil } from './sohoa-process.js';

/** Where Debian's package puts nginx (often not on a non-root PATH), else whatever PATH finds. */
export function findNginx(): string | undefined {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx']) {
    if (existsSync(candidate)) return candidate;
  }
  const found = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : undefined;
}

/** A running nginx in front of the given upstream ports. */
export interface NginxProxy {
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * Starts nginx in the foreground with a generated configuration in a temp folder: one server on
 * 127.0.0.1:`port` balancing round-robin over `upstreams`. Like a production proxy in front of sohoa, it
 * passes a POST on to the next instance when one refuses the connection or fails (`non_idempotent`: the
 * inbox's unique update id makes a repeated webhook POST harmless), and rests a failed instance briefly.
 */
export async function startNginx(
  binary: string,
  port: number,
  upstreams: readonly number[],
): Promise<NginxProxy> {
  const dir = await mkdtemp(join(tmpdir(), 'sohoa-nginx-'));
  await mkdir(join(dir, 'logs'));
  const servers = upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=1s;`).join('\n');
  const config = `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log error;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream sohoa {
${servers}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://sohoa;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_connect_timeout 1s;
      proxy_read_timeout 10s;
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
      proxy_next_upstream_tries 4;
    }
  }
}
`;
  const file = join(dir, 'nginx.conf');
  await writeFile(file, config);
  const child: ChildProcess = spawn(binary, ['-p', dir, '-c', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Up when it answers at all (404/502 from an upstream that is not there yet is still nginx answering).
  await waitUntil(
    async () => (await httpStatus(port, '/nginx-up')) !== 0 || child.exitCode !== null,
    20_000,
    () => `nginx on ${port} (${stderr})`,
  );
  if (child.exitCode !== null) throw new Error(`nginx did not start: ${stderr}`);
  return {
    port,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
