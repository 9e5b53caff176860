import { z } from 'zod';

export const keychainHealth = z.object({
  available: z.boolean(),
  backend: z.string(),
  message: z.string().nullable(),
});

export const systemStatus = z.object({
  version: z.string(),
  pid: z.number().int(),
  startedAt: z.string(),
  uptimeSeconds: z.number(),
  socketPath: z.string(),
  dataDir: z.string(),
  logFile: z.string(),
  keychain: keychainHealth,
  tokens: z.number().int(),
  clients: z.number().int(),
});

export type SystemStatus = z.infer<typeof systemStatus>;
export type KeychainHealth = z.infer<typeof keychainHealth>;
