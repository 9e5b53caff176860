import type { MethodInput, MethodName } from '../../../shared/contract';

/** One valid input per contract method. A method missing here fails the contract tests. */
export const VALID_INPUTS: { [M in MethodName]: MethodInput<M> } = {
  'system.status': {},
  'system.lock': {},
  'system.shutdown': {},
  'token.add': {
    name: 'github-work',
    value: 'sample-value-123',
    kind: 'github',
    owner: 'me',
    scopes: ['repo'],
    notes: 'n',
    expiresAt: '2030-01-01T00:00:00.000Z',
    rotationPeriodDays: 90,
  },
  'token.list': {},
  'token.get': { name: 'github-work' },
  'token.reveal': { name: 'github-work', reason: 'debugging' },
  'token.update': { name: 'github-work', patch: { rename: 'github-home', owner: 'you' } },
  'token.rotate': { name: 'github-work', value: 'next-value-456' },
  'token.remove': { name: 'github-work' },
  'audit.list': { limit: 10, action: 'token.add', target: 'x', outcome: 'ok', beforeSeq: 5 },
  'audit.verify': {},
  'ui.open': { port: 7777 },
  'ui.close': {},
};
