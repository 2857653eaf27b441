import { dataFiles, AppConfig, Clock } from '@app/runtime';
import { EventStore, SqliteEventStore, SqliteEventStoreOptions } from '@app/ledger';

/**
 * The configured adapter: the embedded file, or the cluster named by LEDGER_STORE; `recordedAt` from the clock.
 * The cluster's client (gRPC) is loaded only when a cluster is configured.
 */
export async function openConfiguredStore(
  config: AppConfig,
  clock: Clock,
  options: Pick<SqliteEventStoreOptions, 'durableMark'> = {},
): Promise<EventStore> {
  const now = () => clock.now();
  if (config.store === 'eventstoredb') {
    const { EsdbEventStore } = await import('@app/ledger/eventstoredb');
    return EsdbEventStore.fromUrl(config.storeUrl!, { now });
  }
  return SqliteEventStore.open({ file: dataFiles(config).ledger, now, ...options });
}
