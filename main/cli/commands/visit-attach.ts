import type { MachineSnapshot } from '../../../diagnostics/types.js';
import { describeFailure } from '../../service/errors.js';
import type { CommandIo } from '../command.js';
import { visitRef } from './visit.js';

/**
 * `xaso diagnose --visit ID|FILE`: adds the snapshot just taken to the visit (channel
 * `visits:add-snapshot`; a value with a slash or ending in `.json` is a file, else a visit id, as
 * `xaso scan --visit`) and says so on stderr, so `--json` output stays the snapshot alone.
 * Returns the exit code: 0, or 1 when the visit could not be updated.
 */
export async function attachSnapshotToVisit(
  io: CommandIo,
  visit: string,
  snapshot: MachineSnapshot,
): Promise<number> {
  const ref = visitRef(visit);
  const result = await io.service.invoke(
    'visits:add-snapshot',
    { ref, snapshot },
    { signal: io.signal },
  );
  const vi = io.lang === 'vi';
  if (!result.ok) {
    io.err(
      `xaso: ${vi ? 'không thêm được vào chuyến công tác' : 'could not add to the visit'}: ${describeFailure(result.error, io.lang)}`,
    );
    return 1;
  }
  const added = result.value;
  const changes = added.machine.changes;
  const what =
    changes === undefined
      ? vi
        ? 'máy mới'
        : 'new machine'
      : vi
        ? `${changes.checks.length} thay đổi so với lần trước (${changes.previousVisitDate})`
        : `${changes.checks.length} changes since the last visit (${changes.previousVisitDate})`;
  io.err(
    `${vi ? 'Đã thêm vào chuyến công tác' : 'Added to the visit'} ${added.visit.commune.name}: ${added.file} — ${snapshot.machine.hostname}, ${what}${added.replaced ? (vi ? ' (thay kết quả cũ của máy này)' : ' (replaced this machine’s earlier result)') : ''}; ${added.visit.machines.length} ${vi ? 'máy' : 'machines'}.`,
  );
  return 0;
}
