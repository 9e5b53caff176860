// Makers for source control, package registries, cloud providers and AI platforms.

import { ALNUM, ALNUM_LOWER, ALNUM_UPPER, B64, BASE32_UPPER, DIGITS, HEX, LETTERS, LOWER } from '../rng';
import { githubStyle } from './github';
import { custom, type Lookalike, named, shaped, type SecretMaker, UUID_SEGMENTS } from './maker';

const B64_NOPAD = B64;
const W = `${ALNUM}_-`; // [\w-]
const BASE32_LOWER = 'abcdefghijklmnopqrstuvwxyz234567';

export const SOURCE_AND_CLOUD_MAKERS: Readonly<Record<string, SecretMaker>> = {
  'github-pat': githubStyle('GITHUB_TOKEN', 'ghp_'),
  'github-oauth-token': githubStyle('GH_OAUTH_TOKEN', 'gho_'),
  'github-user-to-server-token': githubStyle('GH_USER_TOKEN', 'ghu_'),
  'github-server-to-server-token': githubStyle('GH_INSTALLATION_TOKEN', 'ghs_'),
  'github-refresh-token': githubStyle('GH_REFRESH_TOKEN', 'ghr_'),
  'github-fine-grained-pat': shaped('GITHUB_PAT', ['github_pat_', [ALNUM, 22], '_', [ALNUM, 59]]),
  'gitlab-pat': shaped('GITLAB_TOKEN', ['glpat-', [ALNUM, 20]]),
  'gitlab-deploy-token': shaped('GITLAB_DEPLOY_TOKEN', ['gldt-', [ALNUM, 20]]),
  'gitlab-runner-token': shaped('RUNNER_TOKEN', ['glrt-', [ALNUM, 20]]),
  'gitlab-runner-registration-token': shaped('REGISTRATION_TOKEN', ['GR1348941', [ALNUM, 20]]),
  'gitlab-pipeline-trigger-token': shaped('TRIGGER_TOKEN', ['glptt-', [HEX, 40]]),
  'gitlab-cicd-job-token': shaped('CI_JOB_TOKEN', ['glcbt-', [ALNUM, 2, 1], '_', [ALNUM, 20]]),
  'gitlab-oauth-app-secret': shaped('GITLAB_APP_SECRET', ['gloas-', [ALNUM, 64]]),
  'gitlab-feed-token': shaped('GITLAB_FEED_TOKEN', ['glft-', [ALNUM, 20]]),
  'gitlab-incoming-mail-token': shaped('INCOMING_MAIL_TOKEN', ['glimt-', [ALNUM, 25]]),
  'gitlab-agent-token': shaped('AGENT_TOKEN', ['glagent-', [ALNUM, 50]]),
  'gitlab-scim-token': shaped('SCIM_TOKEN', ['glsoat-', [ALNUM, 20]]),
  'gitlab-feature-flag-token': shaped('UNLEASH_INSTANCE_ID', ['glffct-', [ALNUM, 20]]),
  'bitbucket-app-password': shaped('BITBUCKET_APP_PASSWORD', ['ATBB', [ALNUM, 40, 32]]),
  'azure-devops-pat': shaped('AZURE_DEVOPS_EXT_PAT', [[ALNUM, 76], 'AZDO', [ALNUM, 4]]),
  'azure-devops-legacy-pat': named('AZURE_DEVOPS_PAT', [[BASE32_LOWER, 52]]),

  'npm-access-token': githubStyle('NPM_TOKEN', 'npm_'),
  'pypi-upload-token': shaped('PYPI_TOKEN', ['pypi-AgEIcHlwaS5vcmc', [W, 160, 50]]),
  'pypi-test-upload-token': shaped('TEST_PYPI_TOKEN', ['pypi-AgENdGVzdC5weXBpLm9yZw', [W, 160, 50]]),
  'rubygems-api-key': shaped('GEM_HOST_API_KEY', ['rubygems_', [HEX, 48]]),
  'nuget-api-key': shaped('NUGET_API_KEY', ['oy2', [ALNUM_LOWER, 43]]),
  'docker-hub-pat': shaped('DOCKERHUB_TOKEN', ['dckr_pat_', [W, 27]]),
  'docker-hub-org-token': shaped('DOCKERHUB_ORG_TOKEN', ['dckr_oat_', [W, 32, 27]]),
  'jfrog-api-key': shaped('ARTIFACTORY_API_KEY', ['AKCp', [ALNUM, 69]]),
  'jfrog-reference-token': shaped('JFROG_ACCESS_TOKEN', ['cmVmd', [ALNUM, 59]]),
  'clojars-token': shaped('CLOJARS_PASSWORD', ['CLOJARS_', [ALNUM_LOWER, 60]]),
  'crates-io-token': shaped('CARGO_REGISTRY_TOKEN', ['cio', [ALNUM, 32]]),
  'npmrc-auth-token': named('_authToken', [[HEX, 40, 20]]),
  'npmrc-basic-auth': custom(
    '_auth',
    ['assign'],
    (rng) => {
      const text = Buffer.from(`deploy:${rng.string(ALNUM, 14)}`).toString('base64');
      return { text, secret: text };
    },
    () => [
      { text: '${NPM_AUTH}', why: 'reference', decoy: true },
      { text: 'your-base64-auth-here', why: 'placeholder', decoy: true },
      { text: 'xxxxxxxxxxxxxxxx', why: 'placeholder', decoy: true },
    ],
  ),

  'aws-access-key-id': shaped('AWS_ACCESS_KEY_ID', ['AKIA', [BASE32_UPPER, 16]], {
    extra: () => [
      { text: ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join(''), why: 'AWS documentation example', decoy: true },
      { text: ['AKIA', 'ABCDEFGHIJKLMNOP'].join(''), why: 'sequential placeholder', decoy: true },
    ],
  }),
  'aws-secret-access-key': named('AWS_SECRET_ACCESS_KEY', [[`${ALNUM}/+`, 40]], {
    extra: () => [{ text: ['wJalrXUtnFEMI', '/K7MDENG/bPxRfiCY', 'EXAMPLEKEY'].join(''), why: 'AWS documentation example', decoy: true }],
  }),
  'aws-session-token': named('AWS_SESSION_TOKEN', [[`${ALNUM}/+`, 320, 100]]),
  'aws-sts-session-token': shaped('STS_TOKEN', ['IQoJb3JpZ2luX2Vj', [`${ALNUM}/+`, 320, 100]], { placeholder: true }),
  'aws-mws-key': shaped('MWS_AUTH_TOKEN', ['amzn.mws.', ...UUID_SEGMENTS]),
  'aws-bedrock-api-key': shaped('AWS_BEARER_TOKEN_BEDROCK', ['ABSKQmVkcm9ja0FQSUtleS', [`${ALNUM}/+`, 120, 40]]),
  'gcp-api-key': shaped('GOOGLE_API_KEY', ['AIza', [W, 35]]),
  'gcp-oauth-client-secret': shaped('GOOGLE_CLIENT_SECRET', ['GOCSPX-', [W, 28]]),
  'google-oauth-refresh-token': shaped('GOOGLE_REFRESH_TOKEN', ['1//0', [W, 100, 40]]),
  'google-oauth-access-token': shaped('GOOGLE_ACCESS_TOKEN', ['ya29.', [W, 160, 50]]),
  'firebase-cloud-messaging-key': custom(
    'FCM_SERVER_KEY',
    ['assign', 'bare'],
    (rng) => {
      const text = `AAAA${rng.string(W, 7)}:APA91b${rng.string(W, 134)}`;
      return { text, secret: text };
    },
    (rng) => [
      { text: `AAAA${rng.string(W, 7)}:APA91b${rng.string(W, 60)}`, why: 'too short', decoy: true },
      { text: `AAAA${rng.string(W, 7)}:APA91c${rng.string(W, 134)}`, why: 'wrong marker', decoy: true },
      { text: `AAAA${rng.string(W, 7)}:APA91b${'x'.repeat(134)}`, why: 'placeholder', decoy: true },
    ],
  ),
  'azure-storage-account-key': custom(
    'AZURE_STORAGE_CONNECTION_STRING',
    ['assign', 'bare'],
    (rng) => {
      const key = `${rng.string(B64_NOPAD, 86)}==`;
      return { text: `DefaultEndpointsProtocol=https;AccountName=${rng.string(LOWER, 10)};AccountKey=${key};EndpointSuffix=core.windows.net`, secret: key };
    },
    (rng) => [
      { text: `DefaultEndpointsProtocol=https;AccountName=dev;AccountKey=${rng.string(B64_NOPAD, 40)}==;`, why: 'too short', decoy: true },
      { text: 'DefaultEndpointsProtocol=https;AccountName=dev;AccountKey=<your-account-key>;', why: 'placeholder', decoy: true },
      { text: `DefaultEndpointsProtocol=https;AccountName=dev;AccountKey=${'A'.repeat(86)}==;`, why: 'repeated placeholder', decoy: true },
    ],
  ),
  'azure-storage-key-assignment': named('AZURE_STORAGE_ACCOUNT_KEY', [[B64_NOPAD, 86], '==']),
  'azure-ad-client-secret': shaped('AZURE_CLIENT_SECRET', [[ALNUM, 3], [DIGITS, 1], 'Q~', [`${ALNUM}_~.-`, 34, 31]], { leftGlue: false }),
  'azure-sas-token': custom(
    'BLOB_SAS_URL',
    ['assign', 'bare'],
    (rng) => {
      const sig = `${rng.string(ALNUM, 43)}%3D`;
      return {
        text: `https://${rng.string(LOWER, 8)}.blob.core.windows.net/data?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=${sig}`,
        secret: sig,
      };
    },
    (rng) => [
      { text: `https://x.blob.core.windows.net/data?sp=r&sig=${rng.string(ALNUM, 43)}%3D`, why: 'no sv= version: not a SAS URL', decoy: true },
      { text: 'https://x.blob.core.windows.net/data?sv=2022-11-02&sig=<signature>', why: 'placeholder', decoy: true },
      { text: `https://x.blob.core.windows.net/data?sv=2022-11-02&sig=${rng.string(ALNUM, 12)}`, why: 'too short', decoy: true },
    ],
  ),
  'azure-shared-access-key': custom(
    'SERVICEBUS_CONNECTION',
    ['assign', 'bare'],
    (rng) => {
      const key = `${rng.string(B64_NOPAD, 43)}=`;
      return { text: `Endpoint=sb://${rng.string(LOWER, 8)}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${key}`, secret: key };
    },
    (rng) => [
      { text: 'Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=<key>', why: 'placeholder', decoy: true },
      { text: `Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=${rng.string(ALNUM, 20)}=`, why: 'too short', decoy: false },
      { text: `Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=${'x'.repeat(43)}=`, why: 'low entropy', decoy: true },
    ],
  ),
  'azure-app-configuration-secret': custom(
    'APPCONFIG_CONNECTION_STRING',
    ['assign', 'bare'],
    (rng) => {
      const secret = `${rng.string(B64_NOPAD, 43)}=`;
      return { text: `Endpoint=https://${rng.string(LOWER, 8)}.azconfig.io;Id=${rng.string(ALNUM, 4)}-l0-s0:${rng.string(ALNUM, 20)};Secret=${secret}`, secret };
    },
    (rng) => [
      { text: 'Endpoint=https://x.azconfig.io;Id=abcd;Secret=<secret>', why: 'placeholder', decoy: true },
      { text: `Endpoint=https://x.azconfig.io;Id=abcd;Secret=${rng.string(ALNUM, 10)}=`, why: 'too short', decoy: true },
      { text: `Endpoint=https://x.azconfig.io;Id=abcd;Secret=${'Z'.repeat(43)}=`, why: 'low entropy', decoy: true },
    ],
  ),
  'azure-cognitive-services-key': named('AZURE_OPENAI_API_KEY', [[HEX, 32]]),
  'alibaba-access-key-id': shaped('ALIBABA_CLOUD_ACCESS_KEY_ID', ['LTAI', [ALNUM, 20, 12]]),
  'alibaba-access-key-secret': named('ALIBABA_CLOUD_ACCESS_KEY_SECRET', [[ALNUM, 30]]),
  'tencent-secret-id': shaped('TENCENTCLOUD_SECRET_ID', ['AKID', [ALNUM, 32]]),
  'tencent-secret-key': named('TENCENTCLOUD_SECRET_KEY', [[ALNUM, 32]]),
  'yandex-api-key': shaped('YC_API_KEY', ['AQVN', [W, 36, 35]]),
  'yandex-iam-token': shaped('YC_IAM_TOKEN', ['t1.', [W, 60, 10], '.', [W, 86]]),
  'yandex-static-access-key': named('YANDEX_STATIC_SECRET_KEY', ['YC', [W, 38]]),
  'scaleway-access-key': shaped('SCW_ACCESS_KEY', ['SCW', [ALNUM_UPPER, 17]]),
  'scaleway-secret-key': named('SCW_SECRET_KEY', UUID_SEGMENTS),
  'ibm-cloud-api-key': named('IBM_CLOUD_API_KEY', [[W, 44]]),
  'digitalocean-pat': shaped('DIGITALOCEAN_TOKEN', ['dop_v1_', [HEX, 64]]),
  'digitalocean-oauth-token': shaped('DO_OAUTH_TOKEN', ['doo_v1_', [HEX, 64]]),
  'digitalocean-refresh-token': shaped('DO_REFRESH_TOKEN', ['dor_v1_', [HEX, 64]]),
  'linode-token': named('LINODE_TOKEN', [[HEX, 64]]),
  'hetzner-cloud-token': named('HCLOUD_TOKEN', [[ALNUM, 64]]),
  'vultr-api-key': named('VULTR_API_KEY', [[ALNUM_UPPER, 36]]),
  'backblaze-application-key': named('B2_APPLICATION_KEY', ['K', [DIGITS, 3], [`${ALNUM}/+`, 27]]),
  'cloudflare-api-token': named('CLOUDFLARE_API_TOKEN', [[W, 40]]),
  'cloudflare-global-api-key': named('CLOUDFLARE_API_KEY', [[HEX, 37]]),
  'cloudflare-origin-ca-key': shaped('CF_ORIGIN_CA_KEY', ['v1.0-', [HEX, 24], '-', [HEX, 146]]),
  'openshift-user-token': shaped('OPENSHIFT_TOKEN', ['sha256~', [W, 43]]),

  'openai-project-key': shaped('OPENAI_API_KEY', ['sk-proj-', [W, 74, 20], 'T3BlbkFJ', [W, 74, 20]]),
  'openai-service-account-key': shaped('OPENAI_SVC_KEY', ['sk-svcacct-', [W, 74, 20], 'T3BlbkFJ', [W, 74, 20]]),
  'openai-admin-key': shaped('OPENAI_ADMIN_KEY', ['sk-admin-', [W, 74, 20], 'T3BlbkFJ', [W, 74, 20]]),
  'openai-legacy-key': shaped('OPENAI_KEY', ['sk-', [ALNUM, 20], 'T3BlbkFJ', [ALNUM, 20]]),
  'anthropic-api-key': shaped('ANTHROPIC_API_KEY', ['sk-ant-api03-', [W, 93], 'AA']),
  'anthropic-admin-key': shaped('ANTHROPIC_ADMIN_KEY', ['sk-ant-admin01-', [W, 93], 'AA']),
  'anthropic-oauth-token': shaped('CLAUDE_CODE_OAUTH_TOKEN', ['sk-ant-oat01-', [W, 93, 80], 'AA']),
  'huggingface-token': shaped('HF_TOKEN', ['hf_', [LETTERS, 34]]),
  'huggingface-org-token': shaped('HF_ORG_TOKEN', ['api_org_', [LETTERS, 34]]),
  'groq-api-key': shaped('GROQ_API_KEY', ['gsk_', [ALNUM, 52]]),
  'xai-api-key': shaped('XAI_API_KEY', ['xai-', [ALNUM, 80]]),
  'perplexity-api-key': shaped('PERPLEXITY_API_KEY', ['pplx-', [ALNUM, 48]]),
  'replicate-api-token': shaped('REPLICATE_API_TOKEN', ['r8_', [ALNUM, 37]]),
  'openrouter-api-key': shaped('OPENROUTER_API_KEY', ['sk-or-v1-', [HEX, 64]]),
  'langsmith-api-key': shaped('LANGSMITH_API_KEY', ['lsv2_pt_', [HEX, 32], '_', [HEX, 10]]),
  'pinecone-api-key': shaped('PINECONE_API_KEY', ['pcsk_', [ALNUM, 6, 4], '_', [ALNUM, 64, 40]]),
  'cohere-api-key': named('COHERE_API_KEY', [[ALNUM, 40]]),
  'mistral-api-key': named('MISTRAL_API_KEY', [[ALNUM, 32]]),
  'deepseek-api-key': named('DEEPSEEK_API_KEY', ['sk-', [HEX, 32]]),
  'elevenlabs-api-key': named('ELEVENLABS_API_KEY', ['sk_', [HEX, 48]]),
  'together-api-key': named('TOGETHER_API_KEY', [[HEX, 64]]),
  'wandb-api-key': named('WANDB_API_KEY', [[HEX, 40]]),
  'stability-api-key': named('STABILITY_API_KEY', ['sk-', [ALNUM, 48]]),
};

export type { Lookalike };
