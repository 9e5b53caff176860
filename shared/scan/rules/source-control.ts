// Source hosting and CI tokens: GitHub, GitLab, Bitbucket, Azure DevOps.

import type { Rule } from '../types';
import { namedRule, prefixedRule, tokenRule } from './define';
import { hasGithubStyleChecksum } from './validators';

const github = (id: string, prefix: string, title: string, severity: 'critical' | 'high') =>
  prefixedRule({
    id,
    provider: 'GitHub',
    title,
    severity,
    prefix,
    body: '[A-Za-z0-9]{36}',
    validate: hasGithubStyleChecksum,
  });

const gitlab = (id: string, prefix: string, body: string, title: string, severity: 'critical' | 'high' | 'medium' = 'high') =>
  prefixedRule({ id, provider: 'GitLab', title, severity, prefix, body, minEntropy: 3 });

export const SOURCE_CONTROL_RULES: readonly Rule[] = [
  github('github-pat', 'ghp_', 'GitHub personal access token (classic)', 'critical'),
  github('github-oauth-token', 'gho_', 'GitHub OAuth access token', 'high'),
  github('github-user-to-server-token', 'ghu_', 'GitHub App user-to-server token', 'high'),
  github('github-server-to-server-token', 'ghs_', 'GitHub App installation (server-to-server) token', 'high'),
  github('github-refresh-token', 'ghr_', 'GitHub App refresh token', 'high'),
  prefixedRule({
    id: 'github-fine-grained-pat',
    provider: 'GitHub',
    title: 'GitHub fine-grained personal access token',
    severity: 'critical',
    prefix: 'github_pat_',
    body: '[A-Za-z0-9]{22}_[A-Za-z0-9]{59}',
    minEntropy: 3.5,
  }),
  gitlab('gitlab-pat', 'glpat-', '(?:[A-Za-z0-9_-]{27,300}\\.[0-9a-z]{2}[0-9a-z]{7}|[A-Za-z0-9_-]{20})', 'GitLab personal access token', 'critical'),
  gitlab('gitlab-deploy-token', 'gldt-', '[A-Za-z0-9_-]{20}', 'GitLab deploy token'),
  gitlab('gitlab-runner-token', 'glrt-', '(?:t\\d_)?[A-Za-z0-9_-]{20}(?:[A-Za-z0-9_-]{7,280}\\.[0-9a-z]{9})?', 'GitLab runner authentication token'),
  gitlab('gitlab-runner-registration-token', 'GR1348941', '[A-Za-z0-9_-]{20}', 'GitLab runner registration token'),
  gitlab('gitlab-pipeline-trigger-token', 'glptt-', '[0-9a-f]{40}', 'GitLab pipeline trigger token'),
  gitlab('gitlab-cicd-job-token', 'glcbt-', '[0-9a-zA-Z]{1,5}_[A-Za-z0-9_-]{20}', 'GitLab CI/CD job token', 'medium'),
  gitlab('gitlab-oauth-app-secret', 'gloas-', '[A-Za-z0-9_-]{64}', 'GitLab OAuth application secret'),
  gitlab('gitlab-feed-token', 'glft-', '[A-Za-z0-9_-]{20}', 'GitLab feed token', 'medium'),
  gitlab('gitlab-incoming-mail-token', 'glimt-', '[A-Za-z0-9_-]{25}', 'GitLab incoming mail token', 'medium'),
  gitlab('gitlab-agent-token', 'glagent-', '[A-Za-z0-9_-]{50}', 'GitLab Kubernetes agent token'),
  gitlab('gitlab-scim-token', 'glsoat-', '[A-Za-z0-9_-]{20}', 'GitLab SCIM token'),
  gitlab('gitlab-feature-flag-token', 'glffct-', '[A-Za-z0-9_-]{20}', 'GitLab feature flag client token', 'medium'),
  prefixedRule({
    id: 'bitbucket-app-password',
    provider: 'Bitbucket',
    title: 'Bitbucket app password',
    severity: 'high',
    prefix: 'ATBB',
    body: '[A-Za-z0-9_=.-]{32,64}',
    minEntropy: 3.5,
  }),
  tokenRule({
    id: 'azure-devops-pat',
    provider: 'Azure DevOps',
    title: 'Azure DevOps personal access token',
    severity: 'critical',
    // 84-character format: 76 random chars, the `AZDO` signature, 4 more chars.
    pattern: 'AZDO[A-Za-z0-9]{4}',
    extendLeft: { length: 76, pattern: '[A-Za-z0-9]{76}' },
    keywords: ['azdo'],
    minEntropy: 4,
  }),
  namedRule({
    id: 'azure-devops-legacy-pat',
    provider: 'Azure DevOps',
    title: 'Azure DevOps personal access token (52-character)',
    severity: 'high',
    keywords: ['azure_devops', 'azuredevops', 'azure-devops', 'ado_pat', 'ado_token', 'vsts'],
    value: '[a-z2-7]{52}',
    minEntropy: 3.5,
  }),
];
