/** Run the real `kieskluis` CLI (through tsx, so no build is needed) and capture its output. */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'src/cli/main.ts');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function baseEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean = { ...process.env };
  for (const k of Object.keys(clean))
    if (k.startsWith('KIESKLUIS_') || k === 'DATABASE_URL' || k === 'PORT') delete clean[k];
  return { ...clean, KIESKLUIS_LOG_LEVEL: 'silent', ...env };
}

export function cli(args: string[], env: Record<string, string> = {}, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      cwd: ROOT,
      env: baseEnv(env),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Start `kieskluis serve` in the background and resolve once it prints its URL. */
export function serveInBackground(
  args: string[],
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess; output: () => string; stop(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', ...args], {
      cwd: ROOT,
      env: baseEnv(env),
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        resolve({
          url: m[1]!,
          child,
          output: () => out,
          stop: () =>
            new Promise<void>((res) => {
              if (child.exitCode !== null) return res();
              child.once('close', () => res());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => {
      out += d.toString();
    });
    child.on('close', (code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
  });
}
