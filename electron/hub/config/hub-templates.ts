// The files `latch hub init` writes: hub.yaml and a commented hub-policy.yaml.

export interface HubYamlInput {
  port: number;
  publicUrl: string;
  /** Exactly one: how hub.yaml finds the database URL. */
  database: { url: string } | { urlEnv: string } | { urlFile: string };
}

export const DEFAULT_DATABASE_URL_ENV = 'LATCH_HUB_DATABASE_URL';

function yamlString(value: string): string {
  return JSON.stringify(value);
}

export function hubYaml(input: HubYamlInput): string {
  const database =
    'url' in input.database
      ? `  url: ${yamlString(input.database.url)}`
      : 'urlEnv' in input.database
        ? `  url_env: ${input.database.urlEnv}           # e.g. postgres://latch_hub@db.internal/latch_hub (password via ~/.pgpass or the URL)`
        : `  url_file: ${yamlString(input.database.urlFile)}        # mode 0600: it holds the password`;
  return `# Latch team hub — written by \`latch hub init\`. Relative paths are relative to this file.
# Secrets never go here: the database URL and admin passwords come from environment variables
# (*_env) or files only the hub's user can read (*_file, mode 0600).
version: 1

listen:
  host: 0.0.0.0                   # every interface; 127.0.0.1 to serve this machine only
  port: ${input.port}                      # \`latch hub serve --port N\` overrides it

# What invites point members at. Its host must be one the server certificate names
# (localhost, 127.0.0.1 and each --host given to \`latch hub init\`).
public_url: ${input.publicUrl}

# The hub's PostgreSQL database (state of every hub instance). One of url_env, url_file, url.
database:
${database}
  # pool_size: 20                 # connections per hub instance

# TLS: members pin ca.pem (its fingerprint is in every invite). ca-key.pem signs server
# certificates only: keep it offline once the hub runs.
tls:
  ca: ca.pem
  cert: server.pem
  key: server-key.pem
  ca_key: ca-key.pem

# Access policy: which resources exist, who requests, who approves (see hub-policy.yaml).
policy: hub-policy.yaml

# Production PostgreSQL servers that postgres resources name. The hub mints short-lived
# roles there with these admin credentials.
servers: {}
#  prod-orders:
#    host: db.internal
#    port: 5432
#    database: orders
#    admin_user: latch_admin
#    admin_password_env: LATCH_HUB_PROD_ORDERS_PASSWORD      # or admin_password_file: /etc/latch/prod-orders.password (0600)
#    ssl: true
`;
}

export const HUB_POLICY_EXAMPLE = `# hub-policy.yaml — who may get temporary production access, for how long, approved by whom.
# \`latch hub policy check\` checks it; \`latch hub serve\` refuses to start while it has errors.
# Durations: 90s, 15m, 1h, 7d, 1h30m.
version: 1

# What every resource gets unless it says otherwise.
defaults:
  approvals: 1                 # distinct approvers needed (never the requester)
  max_duration: 1h             # the longest grant a requester may ask for
  reason_required: true        # requests must say why
  request_timeout: 30m         # a request nobody decided by then times out

# No resource yet: every request is refused. An example to start from:
resources: {}
#  orders-db-readonly:
#    description: Read-only access to the production orders database
#    provider:
#      type: postgres
#      server: prod-orders                        # a server under servers: in hub.yaml
#      grants:
#        - SELECT ON ALL TABLES IN SCHEMA public
#    requesters: [developers]                     # groups given with \`latch hub invite --groups\`
#    approvers: [sre]
#    max_duration: 2h
#    hours:                                       # requests only in office hours
#      days: [mon, tue, wed, thu, fri]
#      from: "08:00"
#      to: "18:00"
#      timezone: Europe/Berlin
#
#  deploy-token:
#    provider:
#      type: command                              # prints {"value": "...", "handle": {...}}
#      mint: ["/opt/latch/mint-deploy-token"]
#      revoke: ["/opt/latch/revoke-deploy-token"]
#    requesters: [developers]
#    approvers: [sre, leads]
#    approvals: 2
`;
