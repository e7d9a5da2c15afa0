/**
 * The send queue of this PC: the visit's "Gửi lên máy chủ" button (seal and queue it), the
 * server address, and every queued report with where it stands (icon + word, never colour
 * alone) and the server's receipt. While it is shown it tries the waiting reports once a minute
 * (the queue keeps its own backoff, so this knocks only when a try is due).
 */
import { useEffect, useState } from 'react';

import type { LocalText } from '../../../main/service/define';
import type { QueueItem, QueueState } from '../../../main/service/send-queue/contract';
import { useApi } from '../../api/index';
import { StatusBadge } from '../../components/status-badge';
import { useCall } from '../../hooks/use-call';
import { useLang, useLocal } from '../../i18n/pick';

const T = {
  title: { vi: 'Gửi lên máy chủ của tỉnh', en: 'Send to the province server' },
  server: { vi: 'Địa chỉ máy chủ thu nhận', en: 'Collection server address' },
  saveServer: { vi: 'Lưu địa chỉ', en: 'Save address' },
  noServer: {
    vi: 'Chưa có địa chỉ máy chủ: báo cáo sẽ nằm chờ trong máy này, không mất.',
    en: 'No server address yet: reports wait on this PC, nothing is lost.',
  },
  send: { vi: 'Ký số và gửi báo cáo này', en: 'Seal and send this report' },
  sendNow: { vi: 'Gửi ngay các báo cáo đang chờ', en: 'Send the waiting reports now' },
  empty: { vi: 'Chưa có báo cáo nào trong hàng chờ.', en: 'No report in the queue yet.' },
  pending: { vi: 'Đang chờ gửi', en: 'Waiting' },
  sent: { vi: 'Đã gửi', en: 'Sent' },
  refused: { vi: 'Bị từ chối', en: 'Refused' },
  receipt: { vi: 'Biên nhận', en: 'Receipt' },
  nextTry: { vi: 'Thử lại lúc', en: 'Next try at' },
} satisfies Record<string, LocalText>;

const BADGE = { pending: 'warn', sent: 'ok', refused: 'fail' } as const;

function Item({ item }: Readonly<{ item: QueueItem }>) {
  const local = useLocal();
  const lang = useLang();
  const time = (iso: string) => new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  return (
    <li data-testid="send-queue-item" data-status={item.status}>
      <StatusBadge status={BADGE[item.status]} /> <strong>{local(T[item.status])}</strong> —{' '}
      {item.commune} {item.date}
      {item.receipt !== undefined && (
        <span className="visit-muted">
          {' '}
          · {local(T.receipt)} {item.receipt.id.slice(0, 8)} ({time(item.receipt.receivedAt)})
          {item.receipt.message !== undefined && ` · ${local(item.receipt.message)}`}
        </span>
      )}
      {item.status !== 'sent' && item.lastError !== undefined && (
        <span className="visit-muted"> · {local(item.lastError)}</span>
      )}
      {item.status === 'pending' && item.nextAttemptAt !== undefined && (
        <span className="visit-muted">
          {' '}
          · {local(T.nextTry)} {time(item.nextAttemptAt)}
        </span>
      )}
    </li>
  );
}

/** The send queue panel of a visit. */
export function SendQueuePanel({
  file,
  beforeSend,
}: Readonly<{ file: string; beforeSend: () => Promise<void> }>) {
  const api = useApi();
  const local = useLocal();
  const lang = useLang();
  const call = useCall<QueueState>({ keep: true });
  const { run } = call;
  const [address, setAddress] = useState<string>();
  useEffect(() => {
    void run(() => api.outbox.list({}));
    const timer = setInterval(
      () => void run((signal, onProgress) => api.outbox.send({}, { signal, onProgress })),
      60_000,
    );
    return () => clearInterval(timer);
  }, [api, run]);
  const state = call.state.value;
  const shownAddress = address ?? state?.server?.url ?? '';
  const sendThis = async () => {
    await beforeSend();
    const queued = await run(() => api.outbox.enqueue({ ref: { file }, lang }));
    if (queued.ok)
      await run((signal, onProgress) => api.outbox.send({ force: true }, { signal, onProgress }));
  };
  return (
    <section className="visit-panel" aria-labelledby="send-queue-title" data-testid="send-queue">
      <h3 id="send-queue-title">{local(T.title)}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => api.outbox['set-server']({ url: shownAddress.trim() }));
        }}
      >
        <label>
          {local(T.server)}{' '}
          <input
            type="url"
            value={shownAddress}
            placeholder="https://thu-nhan.example.gov.vn"
            onChange={(e) => setAddress(e.target.value)}
          />
        </label>{' '}
        <button type="submit">{local(T.saveServer)}</button>
      </form>
      {state !== undefined && state.server === undefined && (
        <p className="visit-muted">{local(T.noServer)}</p>
      )}
      <p>
        <button
          type="button"
          onClick={() => void sendThis()}
          disabled={call.state.phase === 'running'}
        >
          {local(T.send)}
        </button>{' '}
        <button
          type="button"
          onClick={() =>
            void run((signal, onProgress) =>
              api.outbox.send({ force: true }, { signal, onProgress }),
            )
          }
          disabled={call.state.phase === 'running' || (state?.counts.pending ?? 0) === 0}
        >
          {local(T.sendNow)}
        </button>
      </p>
      {call.state.error !== undefined && (
        <p role="alert" className="visit-warn">
          ✖ {local(call.state.error)}
        </p>
      )}
      {state !== undefined &&
        (state.items.length === 0 ? (
          <p className="visit-muted">{local(T.empty)}</p>
        ) : (
          <ul aria-live="polite">
            {[...state.items].reverse().map((item) => (
              <Item key={item.fileHash} item={item} />
            ))}
          </ul>
        ))}
    </section>
  );
}
