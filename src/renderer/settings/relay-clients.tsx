import type { RelayClientInfo } from '../../shared/types';
import { TableHead } from './forms/table-head';

export interface RelayClientsProps {
  clients: readonly RelayClientInfo[];
  listening: boolean;
  locale: string;
}

const KIND_LABELS: Record<RelayClientInfo['kind'], string> = { websocket: 'WebSocket', sse: 'Server-sent events' };

/** The programs and pages connected to the relay now, with what each receives. */
export function RelayClients({ clients, listening, locale }: RelayClientsProps) {
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (
    <section className="card relay-clients" aria-labelledby="relay-clients-heading">
      <h3 id="relay-clients-heading">
        Connected now <span className="count">{clients.length}</span>
      </h3>
      {clients.length === 0 ? (
        <p className="hint">
          {listening ? 'No program or page is connected.' : 'Nothing is connected while the relay is not running.'}
        </p>
      ) : (
        <table className="relay-client-table" aria-labelledby="relay-clients-heading">
          <TableHead columns={['Kind', 'From', 'Symbols', 'Since']} />
          <tbody>
            {clients.map((client) => (
              <tr key={client.id} data-client={client.id}>
                <td>{KIND_LABELS[client.kind]}</td>
                <td>{client.origin ?? <span className="hint">a program</span>}</td>
                <td className="relay-symbols">
                  {client.symbols.length > 0 ? client.symbols.join(', ') : <span className="hint">none yet</span>}
                </td>
                <td>{Number.isFinite(client.connectedAt) ? time.format(client.connectedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
