// Writing the hub's JSON answers: `{...}` on success, `{error: {code, message}}` on failure.

import type { ServerResponse } from 'node:http';
import { HubError, type HubErrorCode } from '../service-types';

const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
} as const;

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

export function sendText(response: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  response.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

export function errorBody(code: HubErrorCode, message: string): { error: { code: HubErrorCode; message: string } } {
  return { error: { code, message } };
}

export function sendError(response: ServerResponse, error: HubError): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  sendJson(response, error.status, errorBody(error.code, error.message));
}

/** The same error as a raw HTTP answer on a socket (WebSocket upgrades that are refused). */
export function rawHttpError(error: HubError): string {
  const body = JSON.stringify(errorBody(error.code, error.message));
  const reason = STATUS_TEXT[error.status] ?? 'Error';
  return (
    `HTTP/1.1 ${error.status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`
  );
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  426: 'Upgrade Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const unauthenticated = (message: string): HubError => new HubError('UNAUTHENTICATED', message, 401);
export const invalidInput = (message: string, status = 400): HubError => new HubError('INVALID_INPUT', message, status);
