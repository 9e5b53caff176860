// Stubs must not change between Latch versions: a developer's stub for a secret is meant
// to stay the same until they rotate it. Any change to a generator, the byte stream or
// the seed derivation changes these values and so silently "rotates" every stub of every
// developer. If that is intended, update the expectations here deliberately and say so
// in the release notes.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveStubSeed, generateStub, STUB_SHAPES, stubShapeById } from '../../../shared/stubs';

const KEY = Uint8Array.from({ length: 32 }, (_, i) => i);

function stubOf(id: string): string {
  const shape = stubShapeById(id);
  if (shape === undefined) throw new Error(`no shape ${id}`);
  return generateStub(shape, deriveStubSeed(KEY, 'latch-golden', id, 0));
}

describe('stub stability across versions', () => {
  it('keeps known stubs byte for byte', () => {
    expect(stubOf('github-pat')).toBe('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');
    expect(stubOf('aws-access-key-id')).toBe('AKIALATCHSTUBT5QJUK3');
    expect(stubOf('postgres-url')).toBe(
      'postgresql://latch_stub:eG4BYV5QHClVTp02j8l4MIJo@postgres.latchstub.invalid:5432/latchstub',
    );
  });

  it('keeps custom-shape stubs byte for byte', () => {
    const seed = deriveStubSeed(KEY, 'latch-golden', 'CUSTOM', 0);
    expect(generateStub({ prefix: 'acme_', charset: 'alphanumeric', length: 30, checksum: 'crc32-base62' }, seed)).toBe(
      'acme_LATCHSTUBkMlSbozk6JzRpbHLBSZKj3cgCUi',
    );
    expect(generateStub({ charset: 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789', length: 24 }, seed)).toBe('LATCHSTUBJUK49Q7NGT55VDT');
  });

  it('keeps every catalogue shape (sha256 prefix of its golden stub)', () => {
    const actual: Record<string, string> = {};
    for (const id of Object.keys(GOLDEN_STUB_HASHES)) {
      actual[id] = createHash('sha256').update(stubOf(id)).digest('hex').slice(0, 16);
    }
    expect(actual).toEqual(GOLDEN_STUB_HASHES);
  });

  it('has a golden entry for every shape in the catalogue', () => {
    expect(STUB_SHAPES.map((shape) => shape.id).filter((id) => !(id in GOLDEN_STUB_HASHES))).toEqual([]);
  });
});

/** Shapes added later get their entry when added; existing entries never change silently. */
const GOLDEN_STUB_HASHES: Record<string, string> = {
  'github-pat': '22f4c42bc8edc97c',
  'github-oauth': '00007cda1e9cb83e',
  'github-app-token': '60d8955f11e2c34a',
  'github-user-to-server-token': '7a536c1786b621a9',
  'github-refresh-token': 'b969f7e7f154ee6b',
  'github-fine-grained-pat': 'f25e6bcbb7c409a6',
  'gitlab-pat': '8019256a3dcd37f6',
  'gitlab-runner-token': '88d38ee38d7c6146',
  'gitlab-deploy-token': 'a9e3eb3beed8a78b',
  'gitlab-pipeline-trigger-token': '867bf5d5172ced6d',
  'npm-token': 'ee21dac53d0fd225',
  'pypi-token': '88dc95b5748e7805',
  'rubygems-api-key': 'e292e77b6020b90d',
  'docker-hub-pat': '69693437e47fb076',
  'stripe-secret-key': '0e3871127bc72540',
  'stripe-publishable-key': 'c2f1caad7df97c61',
  'stripe-restricted-key': 'be6f9d074eadcfd9',
  'stripe-webhook-secret': '15677fa404a0717c',
  'aws-access-key-id': 'eddf96e47f79b513',
  'aws-secret-access-key': 'e1bb57059ad471ba',
  'azure-storage-connection-string': '3a71e322d789da1a',
  'google-api-key': '45d8de24ba471e22',
  'slack-bot-token': 'ab5d6362c90aace6',
  'slack-user-token': 'a8d5be3859184286',
  'slack-webhook-url': 'e9e94874df8253ee',
  'openai-api-key': '97ef838e962805cf',
  'anthropic-api-key': '449c4d24c38ce580',
  'huggingface-token': '26597305188db9aa',
  'sendgrid-api-key': '25e42612b0befc00',
  'twilio-api-key': 'dc015a1fb3fc259f',
  'twilio-account-sid': 'a6a8815893edf996',
  'twilio-auth-token': '75275112b69f0010',
  'mailgun-api-key': '99972ff8a7f48806',
  'telegram-bot-token': 'f8f03d1bcfc97bb3',
  'discord-bot-token': '1ffef7be0a4986c2',
  'postgres-url': '64b079dea2ee40f0',
  'mysql-url': 'f580f955ba977abd',
  'redis-url': 'beb4a4d93ecebffd',
  'mongodb-url': '07e306e06b1ba92b',
  'amqp-url': '80ea4ce588c319ce',
  'jwt': 'f853df44ab83255c',
  'rsa-private-key-pem': 'a493d00e97750e4c',
  'ec-private-key-pem': '9d45fccc227ff6f6',
  'openssh-private-key': 'c07a5d2a0f3ec8d3',
  'age-secret-key': '76b76fea2995ec87',
  'datadog-api-key': '0927663687fd4ea9',
  'datadog-app-key': '5ca39fd2adc27715',
  'sentry-dsn': '7ea40561205175b5',
  'new-relic-user-api-key': '35f502034ff42e61',
  'grafana-service-account-token': '05a84b4b30ffc14d',
  'vault-token': '3b57c16c2307f2c4',
  'doppler-token': 'f0407c99e218e43e',
  'shopify-access-token': '25ea075806a082fe',
  'digitalocean-token': '8d69675c262b3fbf',
  'heroku-api-key': 'b63ce80f1063fbc7',
  'linear-api-key': '841552d1db6eb58d',
  'databricks-token': '1f6b64e43a585d04',
  'pulumi-access-token': 'd3cb8c054ca86f11',
  'planetscale-token': 'a64f77a920192c8d',
  'hex-32': 'ddb4ab2bc5e7a8d4',
  'base64-32': '6800cc7501724e94',
  'uuid': '13590a026d837443',
  'password': 'c1bddc2a1e2483a2',
  'jwt-signing-secret': '2a94815a0b24b008',
  'django-secret-key': 'a18b25aee800e804',
  'rails-secret-key-base': '233c5cc513d48a82',
};
