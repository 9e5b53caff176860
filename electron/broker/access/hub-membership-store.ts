import type { Database } from '../store/database';

/** This machine's membership of a team hub (public parts only; private keys live in the keychain). */
export interface HubMembership {
  hubUrl: string;
  caPem: string;
  memberId: string;
  memberName: string;
  groups: string[];
  keyId: string;
  signingPublic: string;
  sealingPublic: string;
  joinedAt: string;
}

interface Row {
  hub_url: string;
  ca_pem: string;
  member_id: string;
  member_name: string;
  groups: string;
  key_id: string;
  signing_public: string;
  sealing_public: string;
  joined_at: string;
}

export class HubMembershipStore {
  constructor(private readonly db: Database) {}

  get(): HubMembership | null {
    const row = this.db.prepare('SELECT * FROM hub_membership WHERE id = 1').get() as Row | undefined;
    if (!row) return null;
    return {
      hubUrl: row.hub_url,
      caPem: row.ca_pem,
      memberId: row.member_id,
      memberName: row.member_name,
      groups: JSON.parse(row.groups) as string[],
      keyId: row.key_id,
      signingPublic: row.signing_public,
      sealingPublic: row.sealing_public,
      joinedAt: row.joined_at,
    };
  }

  save(m: HubMembership): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO hub_membership (id, hub_url, ca_pem, member_id, member_name, groups, key_id, signing_public, sealing_public, joined_at)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(m.hubUrl, m.caPem, m.memberId, m.memberName, JSON.stringify(m.groups), m.keyId, m.signingPublic, m.sealingPublic, m.joinedAt);
  }

  clear(): void {
    this.db.prepare('DELETE FROM hub_membership').run();
  }
}
