import { useState } from 'react';
import { useParams } from 'react-router';
import { Button, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { NetworkOverview, Person } from '../../../shared/network/schema.ts';
import { useApi } from '../../app/api.ts';
import { SuccessMessage } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useNetwork } from '../../app/network-frame.tsx';
import { usePersonCapabilities } from '../../app/capabilities.ts';
import { AppLink, ButtonRow, LoadState, ModalDialog } from '../../app/ui.tsx';
import { PersonForm } from './PersonForm.tsx';

/** `/n/:slug/personer/:id`: one person, edited with the version the page was loaded with. */
export function PersonPage() {
  const { m } = useI18n();
  const { id = '' } = useParams();
  const network = useNetwork();
  const person = useApi<Person>(`/people/${encodeURIComponent(id)}`);
  const title = person.data?.name ?? (person.error ? m.notFound.title : m.common.loading);
  return (
    <Page title={title}>
      <LoadState loaded={person}>
        {(p) => <PersonView network={network} person={p} setPerson={person.setData} reload={person.reload} />}
      </LoadState>
    </Page>
  );
}

function PersonView({
  network,
  person,
  setPerson,
  reload,
}: {
  network: NetworkOverview;
  person: Person;
  setPerson: (p: Person) => void;
  reload: () => void;
}) {
  const { m, dateTime } = useI18n();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const mayEdit = usePersonCapabilities(person.id).edit;
  return (
    <div className="dr-stack">
      <Paragraph>
        <AppLink to={`/n/${network.slug}/personer`}>{m.people.back}</AppLink>
      </Paragraph>
      <dl className="dr-facts" aria-label={m.people.details}>
        <dt>{m.people.jobTitle}</dt>
        <dd>{person.title ?? m.common.none}</dd>
        <dt>{m.people.municipality}</dt>
        <dd>
          {person.municipalityNumber ? (
            <AppLink to={`/kommuner/${person.municipalityNumber}`}>{person.municipalityName}</AppLink>
          ) : (
            m.common.none
          )}
        </dd>
        <dt>{m.people.email}</dt>
        <dd>{person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : m.common.none}</dd>
        <dt>{m.people.phone}</dt>
        <dd>{person.phone ?? m.common.none}</dd>
        <dt>{m.people.competences}</dt>
        <dd>
          {person.competences.length === 0 ? (
            m.common.none
          ) : (
            <span className="dr-tags">
              {person.competences.map((c) => (
                <Tag key={c} data-size="sm" data-color="neutral">
                  {c}
                </Tag>
              ))}
            </span>
          )}
        </dd>
      </dl>
      <Paragraph data-size="sm" className="dr-muted">
        {fmt(m.people.updated, { date: dateTime(person.updatedAt) })}
      </Paragraph>
      <SuccessMessage message={status} />
      {mayEdit && (
        <ButtonRow>
          <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
            {m.people.editPerson}
          </Button>
        </ButtonRow>
      )}
      <ModalDialog open={editing} onClose={() => setEditing(false)} title={m.people.editPerson}>
        <PersonForm
          network={network}
          person={person}
          onCancel={() => setEditing(false)}
          onReload={() => {
            setEditing(false);
            reload();
          }}
          onSaved={(p) => {
            setEditing(false);
            setPerson(p);
            setStatus(m.common.saved);
          }}
        />
      </ModalDialog>
    </div>
  );
}
