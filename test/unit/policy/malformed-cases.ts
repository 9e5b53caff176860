import { HEAD, MINIMAL_RESOURCE, yaml } from './fixtures';

export interface MalformedCase {
  readonly name: string;
  readonly text: string;
  /** Every problem, formatted `policy.yaml:LINE:COL: message`, in order. */
  readonly problems: readonly string[];
}

const R = MINIMAL_RESOURCE;

/** Each policy is wrong in one way (sometimes a few); the expected problems are exact. */
export const MALFORMED: readonly MalformedCase[] = [
  { name: 'empty file', text: '', problems: ['policy.yaml:1:1: empty policy; expected a mapping with version: 1 and resources'] },
  {
    name: 'only a comment',
    text: '# nothing here\n',
    problems: ['policy.yaml:1:1: empty policy; expected a mapping with version: 1 and resources'],
  },
  {
    name: 'a list at the top level',
    text: yaml('- version: 1'),
    problems: ['policy.yaml:1:1: expected a mapping with version: 1 and resources at the top level; found a list'],
  },
  {
    name: 'YAML syntax error',
    text: yaml(...HEAD, '  orders-db: [backend', 'x: 1'),
    problems: [
      'policy.yaml:4:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
  },
  {
    name: 'tab indentation',
    text: yaml(...HEAD, '\torders-db: {}'),
    problems: ['policy.yaml:3:1: YAML syntax error: Tabs are not allowed as indentation'],
  },
  {
    name: 'two documents',
    text: yaml(...HEAD, ...R, '---', 'version: 1'),
    problems: ['policy.yaml:7:1: a policy is one YAML document; found more than one (remove the --- or ... line)'],
  },
  {
    name: 'version missing',
    text: yaml('resources:', ...R),
    problems: ['policy.yaml:1:1: missing key "version"; expected version: 1'],
  },
  {
    name: 'version 2',
    text: yaml('version: 2', 'resources:', ...R),
    problems: ['policy.yaml:1:10: unsupported version 2; this Latch reads version 1'],
  },
  {
    name: 'version as text',
    text: yaml('version: "1"', 'resources:', ...R),
    problems: ['policy.yaml:1:10: version must be the number 1; found a string (write 1 without quotes)'],
  },
  {
    name: 'resources missing',
    text: yaml('version: 1', 'resource:', ...R),
    problems: [
      'policy.yaml:1:1: missing key "resources"; expected a mapping of resource ids to their policy',
      'policy.yaml:2:1: unknown key "resource" at the top level; expected one of version, defaults, resources (did you mean "resources"?)',
    ],
  },
  {
    name: 'resources is a list',
    text: yaml(...HEAD, '  - orders-db'),
    problems: ['policy.yaml:3:3: resources must be a mapping of resource ids to their policy; found a list'],
  },
  {
    name: 'unknown top-level key',
    text: yaml(...HEAD, ...R, 'defualts: {}'),
    problems: [
      'policy.yaml:7:1: unknown key "defualts" at the top level; expected one of version, defaults, resources (did you mean "defaults"?)',
    ],
  },
  {
    name: 'resource key at the top level',
    text: yaml(...HEAD, ...R, 'approvers: [sre]'),
    problems: [
      'policy.yaml:7:1: unknown key "approvers" at the top level; approvers belongs to a resource under resources: (or to defaults:)',
    ],
  },
  {
    name: 'duplicate resource',
    text: yaml(...HEAD, ...R, ...R),
    problems: ['policy.yaml:7:3: duplicate key "orders-db" in resources; each key may appear only once'],
  },
  {
    name: 'duplicate key in a resource',
    text: yaml(...HEAD, ...R, '    approvers: [ops]'),
    problems: ['policy.yaml:7:5: duplicate key "approvers" in resource orders-db; each key may appear only once'],
  },
  {
    name: 'resource id not kebab-case',
    text: yaml(...HEAD, '  Orders_DB:', ...R.slice(1)),
    problems: [
      'policy.yaml:3:3: invalid resource id "Orders_DB"; expected a kebab-case name such as orders-db (did you mean "orders-db"?)',
    ],
  },
  {
    name: 'resource id is a number',
    text: yaml(...HEAD, '  42:', ...R.slice(1)),
    problems: ['policy.yaml:3:3: resource id must be a kebab-case name such as orders-db; found a number'],
  },
  {
    name: 'resource is a string',
    text: yaml(...HEAD, '  orders-db: yes please'),
    problems: ['policy.yaml:3:14: resource orders-db must be a mapping with provider, requesters and approvers; found a string'],
  },
  {
    name: 'resource is empty',
    text: yaml(...HEAD, '  orders-db:'),
    problems: ['policy.yaml:3:3: resource orders-db must be a mapping with provider, requesters and approvers; found nothing'],
  },
  {
    name: 'missing provider, requesters and approvers',
    text: yaml(...HEAD, '  orders-db:', '    description: x'),
    problems: [
      'policy.yaml:3:3: resource orders-db has no provider; expected provider: {type: postgres | command, …}',
      'policy.yaml:3:3: resource orders-db has no requesters; expected requesters: a list of the groups whose members may request it',
      'policy.yaml:3:3: resource orders-db has no approvers; expected approvers: a list of the groups whose members may approve requests',
    ],
  },
  {
    name: 'unknown resource key with suggestion',
    text: yaml(...HEAD, ...R, '    aprovals: 2'),
    problems: [
      'policy.yaml:7:5: unknown key "aprovals" in resource orders-db; expected one of description, provider, requesters, approvers, approvals, max_duration, reason_required, request_timeout, hours (did you mean "approvals"?)',
    ],
  },
  {
    name: 'camelCase key',
    text: yaml(...HEAD, ...R, '    maxDuration: 1h'),
    problems: [
      'policy.yaml:7:5: unknown key "maxDuration" in resource orders-db; expected one of description, provider, requesters, approvers, approvals, max_duration, reason_required, request_timeout, hours (did you mean "max_duration"?)',
    ],
  },
  {
    name: 'hours key directly in the resource',
    text: yaml(...HEAD, ...R, '    timezone: UTC'),
    problems: ['policy.yaml:7:5: unknown key "timezone" in resource orders-db; timezone belongs under hours:'],
  },
  {
    name: 'provider key directly in the resource',
    text: yaml(...HEAD, ...R, '    server: prod-orders'),
    problems: ['policy.yaml:7:5: unknown key "server" in resource orders-db; server belongs under provider:'],
  },
  {
    name: 'timeout in the resource',
    text: yaml(...HEAD, ...R, '    timeout: 10m'),
    problems: [
      'policy.yaml:7:5: unknown key "timeout" in resource orders-db; use request_timeout for how long a request may wait for a decision (timeout belongs under a command provider:)',
    ],
  },
  {
    name: 'description not text',
    text: yaml(...HEAD, ...R, '    description: [a, b]'),
    problems: ['policy.yaml:7:18: description of orders-db must be text; found a list'],
  },
  {
    name: 'provider is a string',
    text: yaml(...HEAD, '  orders-db:', '    provider: postgres', ...R.slice(2)),
    problems: ['policy.yaml:4:15: provider of orders-db must be a mapping with a type (postgres | command); found a string'],
  },
  {
    name: 'provider without type',
    text: yaml(...HEAD, '  orders-db:', '    provider: { server: prod-orders }', ...R.slice(2)),
    problems: ['policy.yaml:4:5: provider of orders-db has no type; expected type: postgres | command'],
  },
  {
    name: 'unknown provider type',
    text: yaml(...HEAD, '  orders-db:', '    provider: { type: postgress, server: prod-orders }', ...R.slice(2)),
    problems: [
      'policy.yaml:4:23: unknown provider type "postgress" for orders-db; expected one of postgres, command (did you mean "postgres"?)',
    ],
  },
  {
    name: 'postgres without server',
    text: yaml(...HEAD, '  orders-db:', '    provider:', '      type: postgres', '      database: orders', ...R.slice(2)),
    problems: [
      "policy.yaml:4:5: postgres provider of orders-db has no server; expected server: the name of a database server in the hub's config",
    ],
  },
  {
    name: 'server not kebab-case',
    text: yaml(...HEAD, '  orders-db:', '    provider: { type: postgres, server: Prod_Orders }', ...R.slice(2)),
    problems: [
      'policy.yaml:4:41: invalid server "Prod_Orders" in postgres provider of orders-db; expected a kebab-case name such as prod-orders (did you mean "prod-orders"?)',
    ],
  },
  {
    name: 'empty database',
    text: yaml(...HEAD, '  orders-db:', '    provider: { type: postgres, server: p, database: "" }', ...R.slice(2)),
    problems: ['policy.yaml:4:54: database in postgres provider of orders-db must not be empty'],
  },
  {
    name: 'grants as a string',
    text: yaml(...HEAD, '  orders-db:', '    provider: { type: postgres, server: p, grants: SELECT ON t }', ...R.slice(2)),
    problems: [
      'policy.yaml:4:52: grants in postgres provider of orders-db must be a list of grants; found a string (write it as a list: - SELECT ON …)',
    ],
  },
  {
    name: 'empty grant',
    text: yaml(
      ...HEAD,
      '  orders-db:',
      '    provider:',
      '      type: postgres',
      '      server: p',
      '      grants:',
      '        - SELECT ON t',
      '        - ""',
      ...R.slice(2),
    ),
    problems: [
      'policy.yaml:9:11: each grant in postgres provider of orders-db must be a non-empty string such as "SELECT ON ALL TABLES IN SCHEMA public"; found an empty string',
    ],
  },
  {
    name: 'command key in a postgres provider',
    text: yaml(...HEAD, '  orders-db:', '    provider: { type: postgres, server: p, mint: ./mint }', ...R.slice(2)),
    problems: [
      'policy.yaml:4:44: unknown key "mint" in postgres provider of orders-db; mint belongs to a command provider; a postgres provider takes type, server, database, grants',
    ],
  },
  {
    name: 'command without mint',
    text: yaml(...HEAD, '  stripe:', '    provider:', '      type: command', '      revoke: ./revoke', ...R.slice(2)),
    problems: [
      'policy.yaml:4:5: command provider of stripe has no mint; expected mint: a command as a string or a list of arguments',
    ],
  },
  {
    name: 'empty mint list and blank revoke',
    text: yaml(...HEAD, '  stripe:', '    provider: { type: command, mint: [], revoke: "  " }', ...R.slice(2)),
    problems: [
      'policy.yaml:4:38: mint in command provider of stripe must not be an empty list; expected the program and its arguments',
      'policy.yaml:4:50: revoke in command provider of stripe must not be empty; expected a command as a string or a list of arguments',
    ],
  },
  {
    name: 'mint argument not a string',
    text: yaml(...HEAD, '  stripe:', '    provider: { type: command, mint: [./mint, 30] }', ...R.slice(2)),
    problems: [
      'policy.yaml:4:47: each argument of mint in command provider of stripe must be a non-empty string; found a number',
    ],
  },
  {
    name: 'command timeout as a number',
    text: yaml(...HEAD, '  stripe:', '    provider: { type: command, mint: ./mint, timeout: 30 }', ...R.slice(2)),
    problems: [
      'policy.yaml:4:55: timeout in command provider of stripe must be a duration such as 90s, 15m, 1h, 1h30m or 2d; found a number (did you mean "30s"?)',
    ],
  },
  {
    name: 'requesters as a string',
    text: yaml(...HEAD, ...R.slice(0, 2), '    requesters: backend', R[3]),
    problems: [
      'policy.yaml:5:17: requesters of orders-db must be a list of group names; found a string (write [backend] for a single group)',
    ],
  },
  {
    name: 'empty approvers',
    text: yaml(...HEAD, ...R.slice(0, 3), '    approvers: []'),
    problems: ['policy.yaml:6:16: approvers of orders-db must name at least one group'],
  },
  {
    name: 'group names not kebab-case',
    text: yaml(...HEAD, ...R.slice(0, 2), '    requesters: [Back End, 7]', R[3]),
    problems: [
      'policy.yaml:5:18: invalid group name "Back End" in requesters of orders-db; expected a kebab-case name such as backend or sre-oncall (did you mean "back-end"?)',
      'policy.yaml:5:28: group name in requesters of orders-db must be a kebab-case name such as backend or sre-oncall; found a number',
    ],
  },
  {
    name: 'approvals zero',
    text: yaml(...HEAD, ...R, '    approvals: 0'),
    problems: ['policy.yaml:7:16: approvals of orders-db must be a whole number of at least 1; found 0'],
  },
  {
    name: 'approvals fractional',
    text: yaml(...HEAD, ...R, '    approvals: 1.5'),
    problems: ['policy.yaml:7:16: approvals of orders-db must be a whole number of at least 1; found 1.5'],
  },
  {
    name: 'approvals quoted',
    text: yaml(...HEAD, ...R, '    approvals: "2"'),
    problems: [
      'policy.yaml:7:16: approvals of orders-db must be a whole number of at least 1; found a string (write 2 without quotes)',
    ],
  },
  {
    name: 'duration without unit',
    text: yaml(...HEAD, ...R, '    max_duration: 3600'),
    problems: [
      'policy.yaml:7:19: max_duration of orders-db must be a duration such as 90s, 15m, 1h, 1h30m or 2d; found a number (did you mean "3600s"?)',
    ],
  },
  {
    name: 'duration with a space',
    text: yaml(...HEAD, ...R, '    max_duration: 1 h'),
    problems: [
      'policy.yaml:7:19: invalid duration "1 h" for max_duration of orders-db; expected a duration such as 90s, 15m, 1h, 1h30m or 2d (did you mean "1h"?)',
    ],
  },
  {
    name: 'duration in words',
    text: yaml(...HEAD, ...R, '    max_duration: one hour'),
    problems: [
      'policy.yaml:7:19: invalid duration "one hour" for max_duration of orders-db; expected a duration such as 90s, 15m, 1h, 1h30m or 2d',
    ],
  },
  {
    name: 'duration units out of order',
    text: yaml(...HEAD, ...R, '    max_duration: 30m1h'),
    problems: [
      'policy.yaml:7:19: invalid duration "30m1h" for max_duration of orders-db; expected a duration such as 90s, 15m, 1h, 1h30m or 2d',
    ],
  },
  {
    name: 'zero duration',
    text: yaml(...HEAD, ...R, '    request_timeout: 0s'),
    problems: ['policy.yaml:7:22: request_timeout of orders-db must be longer than zero; found "0s"'],
  },
  {
    name: 'duration over seven days',
    text: yaml(...HEAD, ...R, '    max_duration: 7d1s'),
    problems: ['policy.yaml:7:19: max_duration of orders-db is 7d1s; at most 7d is allowed'],
  },
  {
    name: 'reason_required yes',
    text: yaml(...HEAD, ...R, '    reason_required: yes'),
    problems: ['policy.yaml:7:22: reason_required of orders-db must be true or false; found a string (did you mean true?)'],
  },
  {
    name: 'reason_required missing value',
    text: yaml(...HEAD, ...R, '    reason_required:'),
    problems: ['policy.yaml:7:5: reason_required of orders-db must be true or false; found nothing'],
  },
  {
    name: 'defaults is a list',
    text: yaml('version: 1', 'defaults: [1h]', 'resources:', ...R),
    problems: [
      'policy.yaml:2:11: defaults must be a mapping with approvals, max_duration, reason_required, request_timeout; found a list',
    ],
  },
  {
    name: 'bad values in defaults',
    text: yaml('version: 1', 'defaults:', '  approvals: -1', '  max_duration: 10d', 'resources:', ...R),
    problems: [
      'policy.yaml:3:14: approvals in defaults must be a whole number of at least 1; found -1',
      'policy.yaml:4:17: max_duration in defaults is 10d; at most 7d is allowed',
    ],
  },
  {
    name: 'resource-only key in defaults',
    text: yaml('version: 1', 'defaults:', '  approvers: [sre]', '  hours: {}', 'resources:', ...R),
    problems: [
      'policy.yaml:3:3: unknown key "approvers" in defaults; approvers has no default: set it on each resource (defaults take approvals, max_duration, reason_required, request_timeout)',
      'policy.yaml:4:3: unknown key "hours" in defaults; hours has no default: set it on each resource (defaults take approvals, max_duration, reason_required, request_timeout)',
    ],
  },
  {
    name: 'hours is a string',
    text: yaml(...HEAD, ...R, '    hours: office'),
    problems: ['policy.yaml:7:12: hours of orders-db must be a mapping with days, from, to and timezone; found a string'],
  },
  {
    name: 'hours without days, from and to',
    text: yaml(...HEAD, ...R, '    hours:', '      timezone: UTC'),
    problems: [
      'policy.yaml:7:5: hours of orders-db have no days; expected days: a list of weekdays such as [mon, tue, wed, thu, fri]',
      'policy.yaml:7:5: hours of orders-db have no from; expected from: the time requests may start, such as "08:00"',
      'policy.yaml:7:5: hours of orders-db have no to; expected to: the time requests must end by, such as "18:00"',
    ],
  },
  {
    name: 'unknown and misspelled days',
    text: yaml(...HEAD, ...R, '    hours: { days: [monday, Tue, fir, holiday], from: "08:00", to: "18:00" }'),
    problems: [
      'policy.yaml:7:21: unknown day "monday" in hours of orders-db; expected one of mon, tue, wed, thu, fri, sat, sun (did you mean "mon"?)',
      'policy.yaml:7:29: unknown day "Tue" in hours of orders-db; expected one of mon, tue, wed, thu, fri, sat, sun (did you mean "tue"?)',
      'policy.yaml:7:34: unknown day "fir" in hours of orders-db; expected one of mon, tue, wed, thu, fri, sat, sun (did you mean "fri"?)',
      'policy.yaml:7:39: unknown day "holiday" in hours of orders-db; expected one of mon, tue, wed, thu, fri, sat, sun',
    ],
  },
  {
    name: 'empty days',
    text: yaml(...HEAD, ...R, '    hours: { days: [], from: "08:00", to: "18:00" }'),
    problems: [
      'policy.yaml:7:20: days in hours of orders-db must name at least one day (leave hours out to allow requests at any time)',
    ],
  },
  {
    name: 'days as a string',
    text: yaml(...HEAD, ...R, '    hours: { days: weekdays, from: "08:00", to: "18:00" }'),
    problems: [
      'policy.yaml:7:20: days in hours of orders-db must be a list of weekdays such as [mon, tue, wed, thu, fri]; found a string',
    ],
  },
  {
    name: 'clock without leading zero and 24:00',
    text: yaml(...HEAD, ...R, '    hours:', '      days: [mon]', '      from: 8:00', '      to: "24:00"'),
    problems: [
      'policy.yaml:9:13: invalid time "8:00" for from in hours of orders-db; expected a time "HH:MM" on a 24-hour clock, such as "08:00" (did you mean "08:00"?)',
      'policy.yaml:10:11: invalid time "24:00" for to in hours of orders-db; expected a time "HH:MM" on a 24-hour clock, such as "08:00" (use "00:00" for midnight)',
    ],
  },
  {
    name: 'clock as a number',
    text: yaml(...HEAD, ...R, '    hours: { days: [mon], from: 800, to: "18:60" }'),
    problems: [
      'policy.yaml:7:33: from in hours of orders-db must be a time "HH:MM" on a 24-hour clock, such as "08:00"; found a number',
      'policy.yaml:7:42: invalid time "18:60" for to in hours of orders-db; expected a time "HH:MM" on a 24-hour clock, such as "08:00"',
    ],
  },
  {
    name: 'from equals to',
    text: yaml(...HEAD, ...R, '    hours: { days: [mon], from: "09:00", to: "09:00" }'),
    problems: [
      'policy.yaml:7:46: from and to in hours of orders-db are both "09:00", which leaves no time at all; leave hours out to allow requests at any time',
    ],
  },
  {
    name: 'unknown time zone',
    text: yaml(...HEAD, ...R, '    hours: { days: [mon], from: "09:00", to: "17:00", timezone: Europe/Berln }'),
    problems: [
      'policy.yaml:7:65: unknown time zone "Europe/Berln" in hours of orders-db; expected an IANA time zone such as Europe/Berlin or UTC (did you mean "Europe/Berlin"?)',
    ],
  },
  {
    name: 'offset as time zone',
    text: yaml(...HEAD, ...R, '    hours: { days: [mon], from: "09:00", to: "17:00", timezone: "+01:00" }'),
    problems: [
      'policy.yaml:7:65: unknown time zone "+01:00" in hours of orders-db; expected an IANA time zone such as Europe/Berlin or UTC (offsets are not zones: use a place such as Europe/Berlin, or Etc/GMT-1 for a fixed UTC+1)',
    ],
  },
  {
    name: 'unknown key in hours',
    text: yaml(...HEAD, ...R, '    hours: { days: [mon], from: "09:00", until: "17:00" }'),
    problems: [
      'policy.yaml:7:5: hours of orders-db have no to; expected to: the time requests must end by, such as "18:00"',
      'policy.yaml:7:42: unknown key "until" in hours of orders-db; expected one of days, from, to, timezone',
    ],
  },
  {
    name: 'non-scalar key',
    text: yaml(...HEAD, ...R, '    ? [a, b]', '    : 1'),
    problems: ['policy.yaml:7:7: expected a plain name as key in resource orders-db; found a list'],
  },
  {
    name: 'alias to a list with a bad item',
    text: yaml('version: 1', 'groups: &g [sre, 9]', 'resources:', ...R.slice(0, 3), '    approvers: *g'),
    problems: [
      'policy.yaml:2:1: unknown key "groups" at the top level; expected one of version, defaults, resources',
      'policy.yaml:2:18: group name in approvers of orders-db must be a kebab-case name such as backend or sre-oncall; found a number',
    ],
  },
  {
    name: 'alias to a wrong type',
    text: yaml('version: 1', 'x: &groups { a: 1 }', 'resources:', ...R.slice(0, 2), '    requesters: *groups', R[3]),
    problems: [
      'policy.yaml:2:1: unknown key "x" at the top level; expected one of version, defaults, resources',
      'policy.yaml:6:17: requesters of orders-db must be a list of group names; found a mapping',
    ],
  },
  {
    name: 'grant refused by the grant checker',
    text: yaml(...HEAD, '  orders-db:', '    provider: { type: postgres, server: p, grants: ["DROP TABLE x"] }', ...R.slice(2)),
    problems: [
      'policy.yaml:4:53: invalid grant "DROP TABLE x" in postgres provider of orders-db: expected a privilege, found "DROP"',
    ],
  },
];
