import { fileURLToPath } from 'node:url';
import { ContractFailure } from '../../../shared/contract';
import type { TransportDeps } from './transport-deps';
import { startUiServer, type UiServer } from './ui-server';

/** Default location of the built renderer: dist/renderer beside dist/broker.mjs. */
function defaultRendererDir(): string {
  return process.env.LATCH_RENDERER_DIR ?? fileURLToPath(new URL('./renderer', import.meta.url));
}

/** Owns the (single) browser UI server: started on first `ui.open`, stopped by `ui.close`. */
export class UiController {
  private server: Promise<UiServer> | null = null;

  constructor(
    private readonly deps: () => TransportDeps,
    private readonly rendererDir: string = defaultRendererDir(),
  ) {}

  async open(port?: number): Promise<{ url: string; port: number; started: boolean }> {
    const started = this.server === null;
    if (this.server === null) {
      this.server = startUiServer(this.deps(), { ...(port !== undefined && { port }), rendererDir: this.rendererDir });
      this.server.catch(() => {
        this.server = null;
      });
    }
    let server: UiServer;
    try {
      server = await this.server;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ContractFailure(
        'CONFLICT',
        code === 'EADDRINUSE' ? `port ${port ?? 0} on 127.0.0.1 is in use; choose another with --port` : 'the UI server failed to start',
      );
    }
    if (port !== undefined && server.port !== port) {
      throw new ContractFailure('CONFLICT', `the UI already runs on port ${server.port}; stop it with \`latch ui --stop\` first`);
    }
    return { url: server.loginUrl(), port: server.port, started };
  }

  async close(): Promise<boolean> {
    const pending = this.server;
    this.server = null;
    if (!pending) return false;
    const server = await pending.catch(() => null);
    await server?.close();
    return server !== null;
  }
}
