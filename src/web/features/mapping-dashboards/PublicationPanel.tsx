import { useState, type FormEvent } from 'react';
import { Fieldset, Link, Paragraph, Switch, Tag } from '@digdir/designsystemet-react';
import { PublicationUpdateSchema, type Publication } from '../../../shared/mapping/schema.ts';
import { api, useApi } from '../../app/api.ts';
import { FormMessages, SubmitButton, useForm } from '../../app/forms.tsx';
import { AppLink, LoadState, Section } from '../../app/ui.tsx';
import { publicMappingPath } from './dashboard-api.ts';
import { useDashboardMessages } from './messages.ts';
import { useNetworkCapabilities } from '../../app/capabilities.ts';

/** Open data: what the network publishes; the secretariat switches each dataset on or off. */
export function PublicationPanel({ network }: { network: { id: string; slug: string } }) {
  const dm = useDashboardMessages();
  const publication = useApi<Publication>(`/networks/${network.id}/mapping/publication`);
  const admin = useNetworkCapabilities(network.id).administer;
  return (
    <Section id="publication-heading" title={dm.publication.heading} className="dr-section dr-stack" size="sm">
      <Paragraph>{dm.publication.intro}</Paragraph>
      <LoadState loaded={publication}>
        {(p) =>
          admin ? (
            <PublicationForm networkId={network.id} publication={p} onSaved={publication.setData} onReload={publication.reload} />
          ) : (
            <>
              <ul className="dr-plain-list">
                <li>
                  {dm.publication.adoption}: <PublishedTag published={p.publishAdoption} />
                </li>
                <li>
                  {dm.publication.landscape}: <PublishedTag published={p.publishLandscape} />
                </li>
              </ul>
              <Paragraph data-size="sm" className="dr-muted">
                {dm.publication.readOnly}
              </Paragraph>
            </>
          )
        }
      </LoadState>
      <LoadState loaded={publication}>
        {(p) =>
          p.publishAdoption || p.publishLandscape ? (
            <Paragraph>
              <AppLink to={publicMappingPath(network.slug)}>{dm.publication.publicPage}</AppLink>
            </Paragraph>
          ) : null
        }
      </LoadState>
    </Section>
  );
}

function PublishedTag({ published }: { published: boolean }) {
  const dm = useDashboardMessages();
  return (
    <Tag data-color={published ? 'success' : 'neutral'} data-size="sm">
      {published ? dm.publication.published : dm.publication.notPublished}
    </Tag>
  );
}

function PublicationForm({
  networkId,
  publication,
  onSaved,
  onReload,
}: {
  networkId: string;
  publication: Publication;
  onSaved: (p: Publication) => void;
  onReload: () => void;
}) {
  const dm = useDashboardMessages();
  const form = useForm();
  const [adoption, setAdoption] = useState(publication.publishAdoption);
  const [landscape, setLandscape] = useState(publication.publishLandscape);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({
      schema: PublicationUpdateSchema,
      input: { publishAdoption: adoption, publishLandscape: landscape, version: publication.version ?? undefined },
      labels: { publishAdoption: dm.publication.adoption, publishLandscape: dm.publication.landscape },
      send: (body) => api<Publication>(`/networks/${networkId}/mapping/publication`, { method: 'PUT', body }),
      done: (saved) => {
        onSaved(saved);
        return dm.publication.saved;
      },
    });
  };
  return (
    <form onSubmit={submit} className="dr-form">
      <FormMessages form={form} onReload={onReload} />
      <Fieldset>
        <Fieldset.Legend>{dm.publication.legend}</Fieldset.Legend>
        <Switch
          id={form.id('publishAdoption')}
          label={dm.publication.adoption}
          checked={adoption}
          onChange={(e) => setAdoption(e.target.checked)}
        />
        <Switch
          id={form.id('publishLandscape')}
          label={dm.publication.landscape}
          checked={landscape}
          onChange={(e) => setLandscape(e.target.checked)}
        />
      </Fieldset>
      <div>
        <SubmitButton form={form}>{dm.publication.save}</SubmitButton>
      </div>
    </form>
  );
}

/** Links to the published files. */
export function OpenDataLinks({ slug, what }: { slug: string; what: 'adoption' | 'landscape' }) {
  const dm = useDashboardMessages();
  const base = `/api/public/networks/${encodeURIComponent(slug)}/mapping/${what}`;
  return (
    <Paragraph data-size="sm" className="dr-downloads">
      <Link href={base}>{dm.public.json}</Link>
      <Link href={`${base}?format=csv`} download>
        {dm.public.csv}
      </Link>
    </Paragraph>
  );
}
