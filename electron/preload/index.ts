// Preload (sandboxed, context-isolated): exposes `window.latch`, generated from the contract.
// No raw ipcRenderer reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES } from '../../shared/contract/events';
import { METHOD_NAMES } from '../../shared/contract/methods';
import type { Result } from '../../shared/contract/result';
import { buildBridgeApi, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from './bridge-api';

const api = buildBridgeApi(METHOD_NAMES, EVENT_NAMES, {
  invoke: (method, params) => ipcRenderer.invoke(IPC_CALL_CHANNEL, method, params) as Promise<Result<unknown>>,
  subscribe(listener) {
    const handler = (_event: IpcRendererEvent, frame: { event: string; payload: unknown }): void => listener(frame.event, frame.payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
});

contextBridge.exposeInMainWorld('latch', api);
