import type { LatchApi } from '../shared/contract/api';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge). Absent in a plain browser. */
    latch?: LatchApi;
  }
}
