import type { IpcResult, Progress } from '../../main/service/define';
import type { Caller } from './types';

const TOKEN_KEY = 'xaso.token';

/** The launch token: from `?token=` on first load (then kept for this tab), else from storage. */
export function readToken(location: Pick<Location, 'search'>, storage: Storage): string | null {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY);
}

function failure(code: 'unavailable' | 'cancelled', vi: string, en: string): IpcResult<never> {
  return { ok: false, error: { code, message: { vi, en } } };
}

type Line = { type: 'progress'; event: Progress } | { type: 'result'; result: IpcResult<unknown> };

async function readLines(
  body: ReadableStream<Uint8Array>,
  onLine: (line: Line) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let at: number;
    while ((at = buffered.indexOf('\n')) !== -1) {
      const text = buffered.slice(0, at);
      buffered = buffered.slice(at + 1);
      if (text.trim() !== '') onLine(JSON.parse(text) as Line);
    }
  }
}

/** Calls the loopback web door: POST /api/invoke/<channel>, NDJSON progress then the result. */
export function webCaller(location: Pick<Location, 'search'>, storage: Storage): Caller {
  const token = readToken(location, storage);
  return async (channel, payload, options = {}) => {
    if (token === null) {
      return failure(
        'unavailable',
        'Thiếu mã truy cập. Hãy mở đúng đường dẫn mà Xã Số in ra khi khởi động (có ?token=…).',
        'No access token. Open the exact address Xã Số printed at start-up (with ?token=…).',
      );
    }
    try {
      const response = await fetch(`/api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-xaso-token': token },
        body: JSON.stringify(payload ?? {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      if (!response.ok || response.body === null) {
        const body = (await response.json().catch(() => null)) as IpcResult<unknown> | null;
        return (
          body ??
          failure(
            'unavailable',
            `Máy chủ trả lỗi ${response.status}.`,
            `Server answered ${response.status}.`,
          )
        );
      }
      let result: IpcResult<unknown> | undefined;
      await readLines(response.body, (line) => {
        if (line.type === 'progress') options.onProgress?.(line.event);
        else result = line.result;
      });
      return (
        result ??
        failure('unavailable', 'Kết nối bị ngắt giữa chừng.', 'The connection closed early.')
      );
    } catch (error) {
      if (options.signal?.aborted) return failure('cancelled', 'Đã huỷ.', 'Cancelled.');
      return failure(
        'unavailable',
        `Không kết nối được với Xã Số (${String(error)}). Chương trình có còn chạy không?`,
        `Cannot reach Xã Số (${String(error)}). Is it still running?`,
      );
    }
  };
}
