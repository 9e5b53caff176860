/** A template with `count` secrets of every class and a staging environment, for size and speed checks. */
export function bigTemplateText(count: number): string {
  const lines = ['version: 1', 'project: big', 'defaults: { ttl: 1h, maxTtl: 8h }', 'secrets:'];
  for (let i = 0; i < count; i++) {
    lines.push(`  SECRET_${i}:`, `    description: Secret number ${i} used by service ${i % 17}`, `    owner: team-${i % 9}`);
    if (i % 4 === 0) lines.push('    class: stub', '    shape: stripe-secret-key', '    rotation: 90d');
    if (i % 4 === 1) lines.push('    class: personal', `    token: token-${i}`);
    if (i % 4 === 2) {
      lines.push('    class: dynamic', '    provider: { type: postgres, server: local-pg, grants: [SELECT] }', '    ttl: 15m', '    maxTtl: 1h');
    }
    if (i % 4 === 3) {
      lines.push('    class: prod', '    provider: { type: command, mint: [./mint, x], revoke: ./revoke }', '    docs: https://wiki.example.com/x');
    }
  }
  lines.push('environments:', '  staging:', '    defaults: { ttl: 30m }', '    secrets:');
  for (let i = 0; i < count; i += 5) lines.push(`      SECRET_${i}: { description: staging ${i} }`);
  return `${lines.join('\n')}\n`;
}
