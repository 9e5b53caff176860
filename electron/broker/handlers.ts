import type { Handlers } from '../../shared/contract';
import type { BrokerServices } from './services';
import type { ClientContext } from './transports/client-session';

/** The broker side of the contract: one function per method, inputs already validated. */
export function createHandlers(services: BrokerServices): Handlers<ClientContext> {
  const { vault, audit } = services;
  const caller = (ctx: ClientContext) => ({ actor: ctx.actor, client: ctx.client });
  return {
    'system.status': async () => services.status(),
    'system.lock': async () => ({ leasesEnded: await services.lock(), cachesCleared: true as const }),
    'system.shutdown': (_input, ctx) => {
      services.requestShutdown(`requested by ${ctx.client}`);
      return { stopping: true as const };
    },

    'token.add': (input, ctx) => vault.add(input, caller(ctx)),
    'token.list': () => vault.list(),
    'token.get': ({ name }) => vault.get(name),
    'token.reveal': async ({ name, reason }, ctx) => ({
      name,
      value: await vault.read(name, caller(ctx), 'token.reveal', reason),
    }),
    'token.update': (input, ctx) => vault.update(input, caller(ctx)),
    'token.rotate': ({ name, value }, ctx) => vault.rotate(name, value, caller(ctx)),
    'token.remove': async ({ name }, ctx) => {
      await vault.remove(name, caller(ctx));
      return { name, removed: true as const };
    },

    'audit.list': (input) => audit.list(input),
    'audit.verify': () => audit.verify(),

    'project.add': ({ path }) => services.projects.add(path),
    'project.list': () => services.projects.list(),
    'project.get': ({ project, environment }) => services.projects.get(project, environment),
    'project.remove': ({ project }) => {
      services.projects.remove(project);
      return { removed: true as const };
    },
    'stub.get': async ({ project, name }) => {
      const loaded = services.projects.resolve(project);
      return { project: loaded.record.id, name, ...(await services.projects.stubValue(loaded, name)) };
    },
    'stub.rotate': async ({ project, name }, ctx) => {
      const loaded = services.projects.resolve(project);
      services.projects.rotateStub(loaded, name);
      await audit.append({ ...caller(ctx), action: 'stub.rotate', target: `${loaded.record.id}/${name}`, outcome: 'ok' });
      return { project: loaded.record.id, name, ...(await services.projects.stubValue(loaded, name)) };
    },
    'stub.shapes': () => services.projects.gallery(),
    'env.resolve': ({ project, environment, reason }, ctx) => services.env.resolve(project, environment, caller(ctx), reason),
    'env.migrate': ({ file, project }, ctx) => services.env.migrate(file, project, caller(ctx)),

    'lease.create': async ({ project, environment, ttlSeconds, kind, endOnDisconnect }, ctx) => {
      const created = await services.leases.create(project, { kind: kind ?? 'run', ...(environment !== undefined && { environment }), ...(ttlSeconds !== undefined && { ttlSeconds }) }, caller(ctx));
      if (endOnDisconnect === true) ctx.onClose(() => services.leases.clientDisconnected(created.lease.id, caller(ctx)));
      return created;
    },
    'lease.list': () => services.leases.list(),
    'lease.get': ({ lease }) => services.leases.info(lease),
    'lease.renew': ({ lease, session, ttlSeconds }, ctx) =>
      services.leases.renew({ ...(lease !== undefined && { lease }), ...(session !== undefined && { session }) }, ttlSeconds, caller(ctx)),
    'lease.revoke': ({ lease }, ctx) => services.leases.revoke(lease, caller(ctx)),
    'lease.revokeProject': async ({ project }, ctx) => ({ revoked: await services.leases.revokeProject(project, caller(ctx)) }),
    'shell.open': ({ project, environment, ttlSeconds, cols, rows }, ctx) =>
      services.shells.open(
        project,
        { ...(environment !== undefined && { environment }), ...(ttlSeconds !== undefined && { ttlSeconds }), ...(cols !== undefined && { cols }), ...(rows !== undefined && { rows }) },
        caller(ctx),
      ),
    'shell.list': () => services.shells.list(),
    'shell.attach': ({ shell }, ctx) => services.shells.attach(shell, ctx.connectionId),
    'shell.input': ({ shell, data }) => {
      services.shells.input(shell, data);
      return { ok: true as const };
    },
    'shell.resize': ({ shell, cols, rows }) => {
      services.shells.resize(shell, cols, rows);
      return { ok: true as const };
    },
    'shell.close': async ({ shell }, ctx) => {
      await services.shells.close(shell, caller(ctx));
      return { ok: true as const };
    },
    'provider.addPostgres': async ({ name, host, port, database, adminUser, adminPassword }, ctx) => {
      await services.providers.addPostgresServer(name, { host, port, database, adminUser }, adminPassword);
      await audit.append({ ...caller(ctx), action: 'provider.add', target: name, outcome: 'ok', value: adminPassword });
      return { name, type: 'postgres', host, port, database, adminUser };
    },
    'provider.list': () => services.providers.listServers(),

    'access.status': () => services.access.status(),
    'access.join': ({ invite, name }, ctx) => services.access.join(invite, name, caller(ctx)),
    'access.leave': (_input, ctx) => services.access.leave(caller(ctx)),
    'access.request': (input, ctx) => services.access.request(input, caller(ctx)),
    'access.list': (input) => services.access.list(input),
    'access.get': ({ id }) => services.access.get(id),
    'access.approve': ({ id, durationSeconds, comment }, ctx) =>
      services.access.approve(id, { ...(durationSeconds !== undefined && { durationSeconds }), ...(comment !== undefined && { comment }) }, caller(ctx)),
    'access.deny': ({ id, comment }, ctx) => services.access.deny(id, comment, caller(ctx)),
    'access.cancel': ({ id }, ctx) => services.access.cancel(id, caller(ctx)),
    'access.revoke': ({ id, comment }, ctx) => services.access.revoke(id, comment, caller(ctx)),
    'access.audit': (input) => services.access.audit(input),

    'scan.knownIndex': () => services.known.index(),

    'workspace.add': ({ path }) => services.workspaces.add(path),
    'workspace.list': () => services.workspaces.list(),
    'workspace.remove': async ({ path }) => {
      await services.workspaces.remove(path);
      return { removed: true as const };
    },
    'workspace.metrics': () => services.workspaces.metrics(),
    'finding.list': ({ workspace, state }) => services.workspaces.findings({ ...(workspace !== undefined && { workspace }), ...(state !== undefined && { state }) }),
    'finding.fix': async ({ fingerprint, action }, ctx) => {
      const result = await services.workspaces.fix(fingerprint, action, caller(ctx));
      await audit.append({ ...caller(ctx), action: `finding.${action}`, target: fingerprint, outcome: 'ok' });
      return { fingerprint, action, ...result };
    },

    'ui.open': ({ port }) => services.ui.open(port),
    'ui.close': async () => ({ closed: await services.ui.close() }),
  };
}
