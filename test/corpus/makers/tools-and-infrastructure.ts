// Makers for developer tools and infrastructure / hosting providers.

import { bech32Checksum, BECH32_ALPHABET } from '../../../shared/scan/checksums';
import { ALNUM, ALNUM_LOWER, ALNUM_UPPER, DIGITS, HEX, HEX_UPPER, type Rng } from '../rng';
import { custom, named, shaped, type SecretMaker, UUID_SEGMENTS } from './maker';

const W = `${ALNUM}_-`;
const B64 = `${ALNUM}+/`;

export function ageSecretKey(rng: Rng): string {
  const data: number[] = [];
  for (let i = 0; i < 52; i++) data.push(rng.int(32));
  const all = [...data, ...bech32Checksum('age-secret-key-', data)];
  return `AGE-SECRET-KEY-1${all.map((v) => BECH32_ALPHABET[v]).join('').toUpperCase()}`;
}

export const TOOLS_AND_INFRASTRUCTURE_MAKERS: Readonly<Record<string, SecretMaker>> = {
  'linear-api-key': shaped('LINEAR_API_KEY', ['lin_api_', [ALNUM, 40]]),
  'linear-oauth-token': shaped('LINEAR_OAUTH_TOKEN', ['lin_oauth_', [HEX, 64]]),
  'notion-integration-token': shaped('NOTION_TOKEN', ['ntn_', [DIGITS, 11], [ALNUM, 35]]),
  'notion-legacy-token': shaped('NOTION_API_KEY', ['secret_', [ALNUM, 43]]),
  'atlassian-api-token': shaped('ATLASSIAN_API_TOKEN', ['ATATT3xFfGF0', [W, 180, 174], '=', [HEX_UPPER, 8, 0]]),
  'atlassian-admin-api-key': shaped('ATLASSIAN_ADMIN_KEY', ['ATCTT3xFfGN0', [W, 180, 174], '=', [HEX_UPPER, 8, 0]]),
  'jira-api-token': named('JIRA_API_TOKEN', [[ALNUM, 24]]),
  'figma-pat': shaped('FIGMA_TOKEN', ['figd_', [W, 40, 38]]),
  'postman-api-key': shaped('POSTMAN_API_KEY', ['PMAK-', [HEX, 24], '-', [HEX, 34]]),
  'asana-pat': named('ASANA_ACCESS_TOKEN', ['1/', [DIGITS, 16], ':', [ALNUM, 32]]),
  'airtable-pat': shaped('AIRTABLE_TOKEN', ['pat', [ALNUM, 14], '.', [HEX, 64]], { contexts: ['assign'] }),
  'airtable-api-key': named('AIRTABLE_API_KEY', ['key', [ALNUM, 14]]),
  'clickup-api-token': shaped('CLICKUP_API_TOKEN', ['pk_', [DIGITS, 8, 6], '_', [ALNUM_UPPER, 32]]),
  'trello-api-token': named('TRELLO_TOKEN', ['ATTA', [HEX, 64], [HEX_UPPER, 8]]),
  'typeform-api-token': shaped('TYPEFORM_TOKEN', ['tfp_', [W, 59]]),
  'contentful-pat': shaped('CONTENTFUL_MANAGEMENT_TOKEN', ['CFPAT-', [W, 43]]),
  'contentful-delivery-token': named('CONTENTFUL_DELIVERY_TOKEN', [[W, 43]]),
  'hubspot-private-app-token': shaped('HUBSPOT_ACCESS_TOKEN', ['pat-na1-', ...UUID_SEGMENTS]),
  'algolia-admin-key': named('ALGOLIA_ADMIN_KEY', [[HEX, 32]]),
  'mapbox-secret-token': shaped('MAPBOX_SECRET_TOKEN', ['sk.eyJ', [W, 60, 20], '.', [W, 22, 20]]),
  'snyk-api-token': named('SNYK_TOKEN', UUID_SEGMENTS),
  'sonarqube-token': shaped('SONAR_TOKEN', ['squ_', [HEX, 40]]),
  'codecov-token': named('CODECOV_TOKEN', UUID_SEGMENTS),
  'circleci-token': shaped('CIRCLE_TOKEN', ['CCIPAT_', [ALNUM, 22, 20], '_', [HEX, 40]]),
  'buildkite-api-token': shaped('BUILDKITE_API_TOKEN', ['bkua_', [HEX, 40]]),
  'travis-ci-token': named('TRAVIS_API_TOKEN', [[W, 22]]),
  'harness-api-key': shaped('HARNESS_API_KEY', ['pat.', [W, 22], '.', [ALNUM, 24], '.', [ALNUM, 20]]),
  'octopus-deploy-api-key': shaped('OCTOPUS_API_KEY', ['API-', [ALNUM_UPPER, 26]]),
  'readme-api-key': shaped('README_API_KEY', ['rdme_', [ALNUM_LOWER, 70]]),
  'prefect-api-key': shaped('PREFECT_API_KEY', ['pnu_', [ALNUM, 36]]),
  'frameio-api-token': shaped('FRAMEIO_TOKEN', ['fio-u-', [W, 64]]),
  'infracost-api-token': shaped('INFRACOST_API_KEY', ['ico-', [ALNUM, 32]]),
  'scalingo-api-token': shaped('SCALINGO_API_TOKEN', ['tk-us-', [W, 48]]),
  'sourcegraph-access-token': shaped('SRC_ACCESS_TOKEN', ['sgp_', [HEX, 16], '_', [HEX, 40]]),
  'dropbox-short-lived-token': shaped('DROPBOX_ACCESS_TOKEN', ['sl.', [W, 140, 130]]),
  'dropbox-api-secret': named('DROPBOX_APP_SECRET', [[ALNUM_LOWER, 15]]),
  'box-client-secret': named('BOX_CLIENT_SECRET', [[ALNUM, 32]]),
  'okta-api-token': named('OKTA_API_TOKEN', ['00', [W, 40]]),
  'auth0-client-secret': named('AUTH0_CLIENT_SECRET', [[W, 64]]),
  'maxmind-license-key': shaped('MAXMIND_LICENSE_KEY', [[ALNUM, 6], '_', [ALNUM, 29], '_mmk']),
  'ngrok-authtoken': named('NGROK_AUTHTOKEN', ['2', [ALNUM, 26], '_', '3', [ALNUM, 20]]),
  'lob-api-key': named('LOB_API_KEY', ['live_', [HEX, 35]]),
  'sendbird-api-token': named('SENDBIRD_API_TOKEN', [[HEX, 40]]),

  'vault-service-token': shaped('VAULT_TOKEN', ['hvs.', [W, 95, 90]]),
  'vault-batch-token': shaped('VAULT_BATCH_TOKEN', ['hvb.', [W, 150, 138]]),
  'vault-recovery-token': shaped('VAULT_RECOVERY_TOKEN', ['hvr.', [W, 95, 90]]),
  'vault-legacy-token': named('VAULT_TOKEN', ['s.', [ALNUM, 24]]),
  'terraform-cloud-token': shaped('TFE_TOKEN', [[ALNUM, 14], '.atlasv1.', [W, 67, 60]]),
  'doppler-personal-token': shaped('DOPPLER_TOKEN', ['dp.pt.', [ALNUM, 43, 40]]),
  'doppler-service-token': shaped('DOPPLER_SERVICE_TOKEN', ['dp.st.prd.', [ALNUM, 43, 40]]),
  'doppler-cli-token': shaped('DOPPLER_CLI_TOKEN', ['dp.ct.', [ALNUM, 43, 40]]),
  'doppler-service-account-token': shaped('DOPPLER_SA_TOKEN', ['dp.sa.', [ALNUM, 43, 40]]),
  'doppler-scim-token': shaped('DOPPLER_SCIM_TOKEN', ['dp.scim.', [ALNUM, 43, 40]]),
  'doppler-audit-token': shaped('DOPPLER_AUDIT_TOKEN', ['dp.audit.', [ALNUM, 43, 40]]),
  '1password-service-account-token': shaped('OP_SERVICE_ACCOUNT_TOKEN', ['ops_eyJ', [B64, 300, 250]]),
  '1password-secret-key': shaped('OP_SECRET_KEY', ['A3-', [ALNUM_UPPER, 6], '-', [ALNUM_UPPER, 11], '-', [ALNUM_UPPER, 5], '-', [ALNUM_UPPER, 5], '-', [ALNUM_UPPER, 5]]),
  'pulumi-access-token': shaped('PULUMI_ACCESS_TOKEN', ['pul-', [HEX, 40]]),
  'databricks-api-token': shaped('DATABRICKS_TOKEN', ['dapi', [HEX, 32]]),
  'databricks-oauth-secret': shaped('DATABRICKS_CLIENT_SECRET', ['dose', [HEX, 32]]),
  'heroku-api-key': shaped('HEROKU_API_KEY', ['HRKU-AA', [W, 58]]),
  'heroku-legacy-api-key': named('HEROKU_API_KEY', UUID_SEGMENTS),
  'netlify-personal-token': shaped('NETLIFY_AUTH_TOKEN', ['nfp_', [ALNUM, 36]]),
  'netlify-cli-token': shaped('NETLIFY_CLI_TOKEN', ['nfc_', [ALNUM, 36]]),
  'netlify-oauth-token': shaped('NETLIFY_OAUTH_TOKEN', ['nfo_', [ALNUM, 36]]),
  'netlify-app-token': shaped('NETLIFY_APP_TOKEN', ['nfu_', [ALNUM, 36]]),
  'netlify-build-token': shaped('NETLIFY_BUILD_TOKEN', ['nfb_', [ALNUM, 36]]),
  'netlify-legacy-token': named('NETLIFY_AUTH_TOKEN', [[W, 43]]),
  'vercel-personal-token': shaped('VERCEL_TOKEN', ['vcp_', [ALNUM, 56, 24]]),
  'vercel-integration-token': shaped('VERCEL_INTEGRATION_TOKEN', ['vci_', [ALNUM, 56, 24]]),
  'vercel-app-access-token': shaped('VERCEL_APP_ACCESS_TOKEN', ['vca_', [ALNUM, 56, 24]]),
  'vercel-app-refresh-token': shaped('VERCEL_APP_REFRESH_TOKEN', ['vcr_', [ALNUM, 56, 24]]),
  'vercel-api-key': shaped('VERCEL_API_KEY', ['vck_', [ALNUM, 56, 24]]),
  'vercel-legacy-token': named('VERCEL_TOKEN', [[ALNUM, 24]]),
  'flyio-access-token': shaped('FLY_API_TOKEN', ['fo1_', [W, 43]]),
  'render-api-key': shaped('RENDER_API_KEY', ['rnd_', [ALNUM, 32]]),
  'supabase-pat': shaped('SUPABASE_ACCESS_TOKEN', ['sbp_', [HEX, 40]]),
  'supabase-secret-key': shaped('SUPABASE_SECRET_KEY', ['sb_secret_', [W, 32, 24]]),
  'planetscale-api-token': shaped('PLANETSCALE_SERVICE_TOKEN', ['pscale_tkn_', [W, 43, 32]]),
  'planetscale-oauth-token': shaped('PLANETSCALE_OAUTH_TOKEN', ['pscale_oauth_', [W, 43, 32]]),
  'planetscale-password': shaped('PLANETSCALE_DB_PASSWORD', ['pscale_pw_', [W, 43, 32]]),
  'neon-api-key': shaped('NEON_API_KEY', ['napi_', [ALNUM_LOWER, 64]]),
  'clickhouse-cloud-api-secret': shaped('CLICKHOUSE_KEY_SECRET', ['4b1d', [ALNUM, 38]], {
    extra: (rng) => [{ text: `4b1d${rng.string(HEX, 38)}`, why: 'hex run that happens to start with 4b1d', decoy: true }],
  }),
  'tailscale-auth-key': shaped('TS_AUTHKEY', ['tskey-auth-k', [ALNUM, 11, 5], 'CNTRL-', [ALNUM, 33, 20]]),
  'tailscale-api-key': shaped('TS_API_KEY', ['tskey-api-k', [ALNUM, 11, 5], 'CNTRL-', [ALNUM, 33, 20]]),
  'tailscale-oauth-client-secret': shaped('TS_OAUTH_CLIENT_SECRET', ['tskey-client-k', [ALNUM, 11, 5], 'CNTRL-', [ALNUM, 33, 20]]),
  'confluent-api-secret': named('CONFLUENT_API_SECRET', [[B64, 64]]),
  'age-secret-key': custom(
    'SOPS_AGE_KEY',
    ['assign', 'bare'],
    (rng) => {
      const text = ageSecretKey(rng);
      return { text, secret: text };
    },
    (rng) => {
      const good = ageSecretKey(rng);
      const flipped = good.slice(0, -1) + (good.endsWith('Q') ? 'P' : 'Q');
      return [
        { text: flipped, why: 'Bech32 checksum-invalid look-alike', decoy: true },
        { text: `AGE-SECRET-KEY-1${'Q'.repeat(58)}`, why: 'placeholder', decoy: true },
        { text: good.slice(0, -5), why: 'too short', decoy: true },
        { text: `AGE-SECRET-KEY-1${rng.string('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58)}`, why: 'random data without a valid checksum', decoy: true },
      ];
    },
  ),
};
