import type { Handlers } from '../define.js';
import type { ServiceEnv } from '../env.js';
import { renderVisit, exportFileName } from '../reports/export.js';
import { exportContext } from '../reports/handlers.js';
import { loadVisit } from '../visits/store.js';
import type { sendQueueContract } from './contract.js';
import { enqueue, queueState, writeServer } from './queue.js';
import { sendPending } from './sender.js';

/** Handlers of the `outbox:*` channels (the send queue). */
export function sendQueueHandlers(env: ServiceEnv): Handlers<typeof sendQueueContract> {
  return {
    'outbox:list': async () => queueState(env.dataDir, env.now()),
    'outbox:enqueue': async ({ ref, lang }) => {
      const { visit } = await loadVisit(env, ref);
      // The signed JSON export, exactly as a supervisor would import it from a stick.
      const bytes = await renderVisit(visit, 'json', exportContext(env, lang));
      await enqueue(
        env.dataDir,
        bytes,
        {
          fileName: exportFileName(visit, 'json'),
          visitId: visit.id,
          commune: visit.commune.name,
          date: visit.onSite.date,
        },
        env.now(),
      );
      return queueState(env.dataDir, env.now());
    },
    'outbox:send': async ({ force }, { signal, progress }) => {
      await sendPending({
        dataDir: env.dataDir,
        now: env.now,
        force,
        signal,
        onItem: (item) =>
          progress({
            event: 'item',
            data: item,
            label: {
              vi: `${item.commune}: ${item.status === 'sent' ? 'đã gửi' : item.status === 'refused' ? 'bị từ chối' : 'chưa gửi được'}`,
              en: `${item.commune}: ${item.status === 'sent' ? 'sent' : item.status === 'refused' ? 'refused' : 'not sent yet'}`,
            },
          }),
      });
      return queueState(env.dataDir, env.now());
    },
    'outbox:set-server': async ({ url }) => {
      await writeServer(env.dataDir, url);
      return queueState(env.dataDir, env.now());
    },
  };
}
