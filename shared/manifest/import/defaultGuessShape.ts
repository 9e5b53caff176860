// A first guess at the stub shape of a variable, from its example value's format and then
// from its name. Returns ids of shared/stubs' built-in catalogue; DEFAULT_GUESSED_SHAPE_IDS
// lists every one (a test checks they are all in the catalogue).

interface ShapeRule {
  readonly shape: string;
  readonly value?: RegExp;
  readonly name?: RegExp;
}

const RULES: readonly ShapeRule[] = [
  { shape: 'stripe-secret-key', value: /^sk_(?:test|live)_/, name: /^STRIPE_(?:SECRET_|API_)?KEY$/ },
  { shape: 'stripe-restricted-key', value: /^rk_(?:test|live)_/, name: /^STRIPE_RESTRICTED_KEY$/ },
  { shape: 'stripe-publishable-key', value: /^pk_(?:test|live)_/, name: /^STRIPE_(?:PUBLISHABLE|PUBLIC)_KEY$/ },
  { shape: 'stripe-webhook-secret', value: /^whsec_/, name: /^STRIPE_WEBHOOK_(?:SECRET|SIGNING_SECRET)$/ },
  { shape: 'github-fine-grained-pat', value: /^github_pat_/ },
  { shape: 'github-pat', value: /^ghp_/, name: /^(?:GITHUB|GH)_(?:TOKEN|PAT|ACCESS_TOKEN|API_TOKEN)$/ },
  { shape: 'gitlab-pat', value: /^glpat-/, name: /^GITLAB_(?:TOKEN|PAT|ACCESS_TOKEN)$/ },
  { shape: 'npm-token', value: /^npm_/, name: /^NPM_(?:TOKEN|AUTH_TOKEN)$/ },
  { shape: 'pypi-token', value: /^pypi-/, name: /^PYPI_(?:TOKEN|API_TOKEN)$/ },
  { shape: 'slack-bot-token', value: /^xoxb-/, name: /^SLACK_(?:BOT_)?TOKEN$/ },
  { shape: 'slack-user-token', value: /^xoxp-/, name: /^SLACK_USER_TOKEN$/ },
  { shape: 'slack-webhook-url', value: /^https:\/\/hooks\.slack\.com\//, name: /^SLACK_WEBHOOK(?:_URL)?$/ },
  { shape: 'aws-access-key-id', value: /^(?:AKIA|ASIA)[0-9A-Z]{16}$/, name: /^AWS_ACCESS_KEY_ID$/ },
  { shape: 'aws-secret-access-key', name: /^AWS_SECRET_ACCESS_KEY$/ },
  { shape: 'anthropic-api-key', value: /^sk-ant-/, name: /^ANTHROPIC_API_KEY$/ },
  { shape: 'openai-api-key', value: /^sk-(?:proj-)?[A-Za-z0-9_-]{20,}$/, name: /^OPENAI_API_KEY$/ },
  { shape: 'huggingface-token', value: /^hf_/, name: /^(?:HF|HUGGINGFACE|HUGGING_FACE_HUB)_(?:TOKEN|API_KEY)$/ },
  { shape: 'sendgrid-api-key', value: /^SG\.[\w-]{16,}\.[\w-]{16,}$/, name: /^SENDGRID_API_KEY$/ },
  { shape: 'google-api-key', value: /^AIza[\w-]{35}$/, name: /^(?:GOOGLE|GCP|FIREBASE)_API_KEY$/ },
  { shape: 'twilio-account-sid', value: /^AC[0-9a-f]{32}$/, name: /^TWILIO_ACCOUNT_SID$/ },
  { shape: 'twilio-auth-token', name: /^TWILIO_AUTH_TOKEN$/ },
  { shape: 'sentry-dsn', value: /^https:\/\/[0-9a-f]+@[\w.-]*sentry\.io\//, name: /^SENTRY_DSN$/ },
  { shape: 'vault-token', value: /^hvs\./, name: /^VAULT_TOKEN$/ },
  {
    shape: 'postgres-url',
    value: /^postgres(?:ql)?:\/\//,
    name: /^(?:DATABASE_URL|(?:POSTGRES|POSTGRESQL|PG)_(?:URL|URI|CONNECTION_STRING)|DB_URL)$/,
  },
  { shape: 'mysql-url', value: /^mysql:\/\//, name: /^MYSQL_(?:URL|URI)$/ },
  { shape: 'redis-url', value: /^rediss?:\/\//, name: /^(?:REDIS|CACHE)_(?:URL|URI)$/ },
  { shape: 'mongodb-url', value: /^mongodb(?:\+srv)?:\/\//, name: /^MONGO(?:DB)?_(?:URL|URI)$/ },
  { shape: 'amqp-url', value: /^amqps?:\/\//, name: /^(?:AMQP|RABBITMQ|CLOUDAMQP)_URL$/ },
  { shape: 'jwt-signing-secret', name: /^(?:[A-Z0-9_]*_)?JWT_(?:SECRET|SIGNING_KEY|SIGNING_SECRET|KEY)$/ },
  { shape: 'rails-secret-key-base', name: /^SECRET_KEY_BASE$/ },
  { shape: 'django-secret-key', name: /^(?:DJANGO_)?SECRET_KEY$/ },
  {
    shape: 'hex-32',
    name: /^(?:SESSION_SECRET|COOKIE_SECRET|APP_SECRET|APP_KEY|NEXTAUTH_SECRET|AUTH_SECRET|ENCRYPTION_KEY|SIGNING_KEY|[A-Z0-9_]*_SIGNING_SECRET)$/,
  },
  { shape: 'password', name: /(?:^|_)(?:PASSWORD|PASSWD)$/ },
];

/** Every id defaultGuessShape can return: the stub catalogue should know them all. */
export const DEFAULT_GUESSED_SHAPE_IDS: readonly string[] = [...new Set(RULES.map((rule) => rule.shape))];

export function defaultGuessShape(key: string, exampleValue: string): string | undefined {
  const value = exampleValue.trim();
  if (value !== '') {
    for (const rule of RULES) if (rule.value?.test(value)) return rule.shape;
  }
  for (const rule of RULES) if (rule.name?.test(key)) return rule.shape;
  return undefined;
}
