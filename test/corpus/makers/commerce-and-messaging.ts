// Makers for payments, messaging and observability providers.

import { ALNUM, ALNUM_LOWER, ALNUM_UPPER, DIGITS, HEX, LOWER } from '../rng';
import { custom, named, shaped, type SecretMaker, UUID_SEGMENTS } from './maker';

const W = `${ALNUM}_-`;

function sentryOrgToken(rng: { string(cs: string, n: number): string; int(n: number): number }): string {
  const payload = {
    iat: 1700000000 + rng.int(10_000_000),
    url: 'https://sentry.io',
    region_url: 'https://us.sentry.io',
    org: rng.string(LOWER, 8),
  };
  const b64 = Buffer.from(JSON.stringify(payload)).toString('base64').replace(/=+$/, '');
  return `sntrys_${b64}_${rng.string(`${ALNUM}+/`, 43)}`;
}

export const COMMERCE_AND_MESSAGING_MAKERS: Readonly<Record<string, SecretMaker>> = {
  'stripe-live-secret-key': shaped('STRIPE_SECRET_KEY', ['sk_live_', [ALNUM, 99, 24]]),
  'stripe-test-secret-key': shaped('STRIPE_TEST_KEY', ['sk_test_', [ALNUM, 99, 24]], {
    extra: () => [{ text: ['sk_test_', '4eC39HqLyjWDarjtT1zdp7dc'].join(''), why: 'Stripe documentation test key', decoy: true }],
  }),
  'stripe-live-restricted-key': shaped('STRIPE_RESTRICTED_KEY', ['rk_live_', [ALNUM, 99, 24]]),
  'stripe-test-restricted-key': shaped('STRIPE_TEST_RESTRICTED_KEY', ['rk_test_', [ALNUM, 99, 24]]),
  'stripe-webhook-secret': shaped('STRIPE_WEBHOOK_SECRET', ['whsec_', [ALNUM, 32]]),
  'square-access-token': shaped('SQUARE_ACCESS_TOKEN', ['EAAA', [W, 60, 22]]),
  'square-oauth-secret': shaped('SQUARE_APPLICATION_SECRET', ['sq0csp-', [W, 43]]),
  'paypal-braintree-access-token': shaped('BRAINTREE_ACCESS_TOKEN', ['access_token$production$', [ALNUM_LOWER, 16], '$', [HEX, 32]]),
  'braintree-private-key': named('BRAINTREE_PRIVATE_KEY', [[HEX, 32]]),
  'paypal-client-secret': named('PAYPAL_CLIENT_SECRET', [[W, 80]]),
  'shopify-access-token': shaped('SHOPIFY_ACCESS_TOKEN', ['shpat_', [HEX, 32]]),
  'shopify-custom-app-token': shaped('SHOPIFY_CUSTOM_APP_TOKEN', ['shpca_', [HEX, 32]]),
  'shopify-private-app-token': shaped('SHOPIFY_PRIVATE_APP_PASSWORD', ['shppa_', [HEX, 32]]),
  'shopify-shared-secret': shaped('SHOPIFY_API_SECRET', ['shpss_', [HEX, 32]]),
  'flutterwave-secret-key': shaped('FLW_SECRET_KEY', ['FLWSECK-', [HEX, 32], '-X']),
  'razorpay-key-secret': named('RAZORPAY_KEY_SECRET', [[ALNUM, 24]]),
  'shippo-api-token': shaped('SHIPPO_API_TOKEN', ['shippo_live_', [HEX, 40]]),
  'easypost-api-key': shaped('EASYPOST_API_KEY', ['EZAK', [ALNUM, 54]]),
  'duffel-api-token': shaped('DUFFEL_ACCESS_TOKEN', ['duffel_live_', [W, 43]]),
  'gocardless-api-token': named('GOCARDLESS_ACCESS_TOKEN', ['live_', [W, 40]]),
  'plaid-access-token': shaped('PLAID_ACCESS_TOKEN', ['access-production-', ...UUID_SEGMENTS]),
  'plaid-secret': named('PLAID_SECRET', [[HEX, 30]]),
  'coinbase-api-secret': named('COINBASE_API_SECRET', [[`${ALNUM}+/`, 64, 32]]),
  'mollie-api-key': named('MOLLIE_API_KEY', ['live_', [ALNUM, 30]]),

  'slack-bot-token': shaped('SLACK_BOT_TOKEN', ['xoxb-', [DIGITS, 12], '-', [DIGITS, 13], '-', [ALNUM, 24, 18]]),
  'slack-user-token': shaped('SLACK_USER_TOKEN', ['xoxp-', [DIGITS, 12], '-', [DIGITS, 12], '-', [DIGITS, 13], '-', [HEX, 32, 28]]),
  'slack-app-token': shaped('SLACK_APP_TOKEN', ['xapp-1-A', [ALNUM_UPPER, 10, 8], '-', [DIGITS, 13], '-', [HEX, 64]]),
  'slack-config-access-token': shaped('SLACK_CONFIG_TOKEN', ['xoxe.xoxp-1-', [ALNUM, 164, 163]]),
  'slack-config-refresh-token': shaped('SLACK_CONFIG_REFRESH_TOKEN', ['xoxe-1-', [ALNUM, 146]]),
  'slack-legacy-token': shaped('SLACK_LEGACY_TOKEN', ['xoxa-2-', [ALNUM, 40, 8]], {
    broken: false,
    extra: (rng) => [{ text: `xoxa-2-${rng.string(ALNUM, 2)}#${rng.string(ALNUM, 30)}`, why: 'broken by a character outside the charset', decoy: true }],
  }),
  'slack-webhook-url': shaped(
    'SLACK_WEBHOOK_URL',
    ['https://hooks.slack.com/services/T', [ALNUM_UPPER, 10, 8], '/B', [ALNUM_UPPER, 10, 8], '/', [ALNUM, 24, 23]],
    { secretFrom: 'hooks.slack.com', leftGlue: false },
  ),
  'slack-workflow-webhook-url': shaped(
    'SLACK_WORKFLOW_URL',
    ['https://hooks.slack.com/workflows/T', [ALNUM_UPPER, 10, 8], '/A', [ALNUM_UPPER, 10, 7], '/', [DIGITS, 18, 8], '/', [ALNUM, 32, 24]],
    { secretFrom: 'hooks.slack.com', leftGlue: false },
  ),
  'discord-bot-token': custom(
    'DISCORD_BOT_TOKEN',
    ['assign'],
    (rng) => {
      const id = `1${rng.string(DIGITS, 17)}`;
      const text = `${Buffer.from(id).toString('base64')}.${rng.string(W, 6)}.${rng.string(W, 38)}`;
      return { text, secret: text };
    },
    (rng) => [
      { text: `${Buffer.from('hello-world-bot-x').toString('base64').replace(/=/g, '')}.${rng.string(W, 6)}.${rng.string(W, 38)}`, why: 'first segment is not a numeric id', decoy: false },
      { text: `${Buffer.from(`1${rng.string(DIGITS, 17)}`).toString('base64')}.${rng.string(W, 6)}.${rng.string(W, 12)}`, why: 'last segment too short', decoy: false },
      { text: 'your-discord-bot-token', why: 'placeholder', decoy: true },
    ],
  ),
  'discord-webhook-url': shaped('DISCORD_WEBHOOK_URL', ['https://discord.com/api/webhooks/', [DIGITS, 18, 17], '/', [W, 68, 60]], {
    secretFrom: 'discord.com',
    leftGlue: false,
  }),
  'discord-client-secret': named('DISCORD_CLIENT_SECRET', [[W, 32]]),
  'telegram-bot-token': shaped('TELEGRAM_BOT_TOKEN', [[DIGITS, 10, 5], ':AA', [W, 33]], { leftGlue: false }),
  'microsoft-teams-webhook-url': shaped(
    'TEAMS_WEBHOOK_URL',
    ['https://contoso.webhook.office.com/webhookb2/', ...UUID_SEGMENTS, '@', ...UUID_SEGMENTS, '/IncomingWebhook/', [HEX, 32], '/', ...UUID_SEGMENTS],
    { secretFrom: 'contoso.webhook', leftGlue: false },
  ),
  'twilio-api-key': shaped('TWILIO_API_KEY_SID', ['SK', [HEX, 32]], { contexts: ['assign'] }),
  'twilio-account-sid': shaped('TWILIO_ACCOUNT_SID', ['AC', [HEX, 32]], { contexts: ['assign'] }),
  'twilio-auth-token': named('TWILIO_AUTH_TOKEN', [[HEX, 32]]),
  'sendgrid-api-key': shaped('SENDGRID_API_KEY', ['SG.', [W, 22], '.', [W, 43]]),
  'mailgun-api-key': shaped('MAILGUN_KEY', ['key-', [ALNUM_LOWER, 32]], {
    extra: (rng) => [{ text: `key-${rng.string(HEX, 32)}`, why: 'key- followed by an md5 hex digest', decoy: true }],
  }),
  'mailgun-private-key': named('MAILGUN_API_KEY', [[HEX, 32], '-', [HEX, 8], '-', [HEX, 8]]),
  'mailchimp-api-key': shaped('MAILCHIMP_API_KEY', [[HEX, 32], '-us', [DIGITS, 2, 1]], {
    extra: (rng) => [{ text: `${rng.string(HEX, 28)}-us12`, why: 'too few hex characters', decoy: true }],
  }),
  'mandrill-api-key': named('MANDRILL_API_KEY', [[W, 22]]),
  'brevo-api-key': shaped('BREVO_API_KEY', ['xkeysib-', [HEX, 64], '-', [ALNUM, 16]]),
  'brevo-smtp-key': shaped('BREVO_SMTP_KEY', ['xsmtpsib-', [HEX, 64], '-', [ALNUM, 16]]),
  'postmark-server-token': named('POSTMARK_SERVER_TOKEN', UUID_SEGMENTS),
  'resend-api-key': named('RESEND_API_KEY', ['re_', [ALNUM, 8], '_', [ALNUM, 24, 12]]),
  'mattermost-access-token': named('MATTERMOST_TOKEN', [[ALNUM_LOWER, 26]]),
  'twitch-api-token': named('TWITCH_CLIENT_SECRET', [[ALNUM_LOWER, 30]]),
  'twitter-bearer-token': custom(
    'TWITTER_BEARER_TOKEN',
    ['assign', 'bare'],
    (rng) => {
      const text = `${'A'.repeat(22)}${rng.string(ALNUM, 12)}%2F${rng.string(ALNUM, 30)}%3D${rng.string(ALNUM, 50)}`;
      return { text, secret: text };
    },
    (rng) => [
      { text: `${'A'.repeat(22)}${rng.string(ALNUM, 90)}`, why: 'no URL-encoded characters: a base64 run, not a bearer token', decoy: true },
      { text: `${'A'.repeat(22)}${rng.string(ALNUM, 20)}%3D`, why: 'too short', decoy: true },
      { text: `iVBORw0KGgo${'A'.repeat(22)}${rng.string(ALNUM, 40)}%2F${rng.string(ALNUM, 50)}`, why: 'inside a base64 run', decoy: true },
    ],
  ),
  'twitter-api-secret': named('TWITTER_API_SECRET', [[ALNUM, 50]]),
  'twitter-access-token': named('TWITTER_ACCESS_TOKEN', [[DIGITS, 19], '-', [ALNUM, 30]]),
  'facebook-access-token': shaped('FACEBOOK_ACCESS_TOKEN', ['EAAG', [ALNUM, 180, 90]]),
  'facebook-app-secret': named('FACEBOOK_APP_SECRET', [[HEX, 32]]),
  'pusher-app-secret': named('PUSHER_APP_SECRET', [[HEX, 20]]),
  'intercom-access-token': named('INTERCOM_ACCESS_TOKEN', [[W, 60]]),
  'zendesk-api-token': named('ZENDESK_API_TOKEN', [[ALNUM, 40]]),
  'vonage-api-secret': named('VONAGE_API_SECRET', [[ALNUM, 16]]),
  'messagebird-api-key': named('MESSAGEBIRD_API_KEY', [[ALNUM, 25]]),

  'datadog-api-key': named('DATADOG_API_KEY', [[HEX, 32]]),
  'datadog-app-key': named('DATADOG_APP_KEY', [[HEX, 40]]),
  'newrelic-user-api-key': shaped('NEW_RELIC_API_KEY', ['NRAK-', [ALNUM_UPPER, 27]]),
  'newrelic-insert-key': shaped('NEW_RELIC_INSERT_KEY', ['NRII-', [W, 32]]),
  'newrelic-admin-key': shaped('NEW_RELIC_ADMIN_KEY', ['NRAA-', [HEX, 27]]),
  'newrelic-browser-key': shaped('NEW_RELIC_BROWSER_KEY', ['NRJS-', [HEX, 19]]),
  'newrelic-license-key': shaped('NEW_RELIC_LICENSE_KEY', [[HEX, 36], 'NRAL']),
  'sentry-org-token': custom(
    'SENTRY_AUTH_TOKEN',
    ['assign', 'bare'],
    (rng) => {
      const text = sentryOrgToken(rng);
      return { text, secret: text };
    },
    (rng) => [
      { text: `sntrys_${rng.string(ALNUM, 60)}_${rng.string(ALNUM, 43)}`, why: 'payload is not base64 JSON', decoy: true },
      { text: `sntrys_eyJ${rng.string(ALNUM, 60)}_${rng.string(ALNUM, 10)}`, why: 'signature too short', decoy: true },
      { text: 'sntrys_<your-org-token>', why: 'placeholder', decoy: true },
    ],
  ),
  'sentry-user-token': shaped('SENTRY_USER_TOKEN', ['sntryu_', [HEX, 64]]),
  'sentry-dsn': custom(
    'SENTRY_DSN',
    ['assign', 'bare'],
    (rng) => {
      const key = rng.string(HEX, 32);
      return { text: `https://${key}@o${rng.string(DIGITS, 6)}.ingest.sentry.io/${rng.string(DIGITS, 7)}`, secret: key };
    },
    (rng) => [
      { text: `https://${'0'.repeat(32)}@o0.ingest.sentry.io/0`, why: 'placeholder key', decoy: true },
      { text: `https://${rng.string(HEX, 16)}@o1.ingest.sentry.io/1`, why: 'key too short', decoy: true },
      { text: 'https://<key>@o0.ingest.sentry.io/<project>', why: 'template', decoy: true },
    ],
  ),
  'grafana-api-key': shaped('GRAFANA_API_KEY', ['eyJrIjoi', [ALNUM, 80, 70]]),
  'grafana-cloud-token': shaped('GRAFANA_CLOUD_TOKEN', ['glc_', [`${ALNUM}+/`, 120, 32]]),
  'grafana-service-account-token': shaped('GRAFANA_SA_TOKEN', ['glsa_', [ALNUM, 32], '_', [HEX, 8]]),
  'dynatrace-api-token': shaped('DT_API_TOKEN', ['dt0c01.', [ALNUM_UPPER, 24], '.', [ALNUM_UPPER, 64]]),
  'honeycomb-api-key': named('HONEYCOMB_API_KEY', [[ALNUM, 32]]),
  'splunk-hec-token': named('SPLUNK_HEC_TOKEN', UUID_SEGMENTS),
  'sumologic-access-key': named('SUMO_ACCESS_KEY', [[ALNUM, 64]]),
  'bugsnag-api-key': named('BUGSNAG_API_KEY', [[HEX, 32]]),
  'rollbar-access-token': named('ROLLBAR_ACCESS_TOKEN', [[HEX, 32]]),
  'honeybadger-pat': shaped('HONEYBADGER_PERSONAL_AUTH_TOKEN', ['hbp_', [ALNUM, 36]]),
  'pagerduty-api-key': named('PAGERDUTY_API_KEY', [[ALNUM, 20]]),
  'opsgenie-api-key': named('OPSGENIE_API_KEY', UUID_SEGMENTS),
  'launchdarkly-access-token': shaped('LD_ACCESS_TOKEN', ['api-', ...UUID_SEGMENTS]),
  'launchdarkly-sdk-key': shaped('LD_SDK_KEY', ['sdk-', ...UUID_SEGMENTS]),
  'posthog-personal-api-key': shaped('POSTHOG_PERSONAL_API_KEY', ['phx_', [ALNUM, 43]]),
  'segment-write-key': named('SEGMENT_WRITE_KEY', [[ALNUM, 32]]),
};

