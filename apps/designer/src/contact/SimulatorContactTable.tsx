import { useContactT } from './contactMessages.ts';

/** The contact of the simulator's session as the flow reads it (`contact.*`), sensitive fields as the runtime masked them. */
export function SimulatorContactTable({ contact }: { contact: Record<string, unknown> }) {
  const t = useContactT();
  const rows = Object.entries(contact);
  if (rows.length === 0) return null;
  return (
    <>
      <h3>{t('contactShown')}</h3>
      <table className="sim-variables sim-contact-values">
        <tbody>
          {rows.map(([name, value]) => (
            <tr key={name}>
              <th scope="row">contact.{name}</th>
              <td>{typeof value === 'string' ? value : JSON.stringify(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
