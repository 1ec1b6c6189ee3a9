import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { PublicProposalSchema, type PublicProposalForm, type PublicProposalReceipt } from '../../../shared/portfolio/proposals.ts';
import { api, ApiError, asApiError, useApi } from '../../app/api.ts';
import { TextField, useForm } from '../../app/forms.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { OptionSelect } from '../../app/form-parts.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { ButtonRow, LoadState } from '../../app/ui.tsx';
import { usePublicMessages } from '../public/index.ts';
import { Trail } from '../../app/Trail.tsx';
import { useProposalMessages } from './messages.ts';
import { EMPTY_PROPOSAL, ProposalFieldset, proposalInput, proposalLabels, type ProposalValues } from './ProposalFields.tsx';
import '../../app/public.css';
import './proposals.css';

/** `/innsyn/n/:slug/forslag`: a resident proposes a need or an idea, without logging in, and gets a reference. */
export function PublicProposalPage() {
  const { m } = useI18n();
  const pm = useProposalMessages();
  const pub = usePublicMessages();
  const { slug = '' } = useParams();
  // Each load gives a fresh form token; «send another» and an expired token load it again.
  const form = useApi<PublicProposalForm>(`/public/networks/${encodeURIComponent(slug)}/proposal-form`);
  const title = form.data ? fmt(pm.public.title, { name: form.data.networkName }) : form.error ? m.notFound.title : m.common.loading;
  const [receipt, setReceipt] = useState<PublicProposalReceipt | null>(null);
  return (
    <Page title={title} lead={<Trail links={[{ to: '/innsyn', label: pub.nav }]} />}>
      <LoadState loaded={form}>
        {(data) =>
          receipt ? (
            <Receipt
              receipt={receipt}
              onAnother={() => {
                setReceipt(null);
                form.reload();
              }}
            />
          ) : (
            <PublicForm slug={slug} data={data} onReload={form.reload} onSent={setReceipt} />
          )
        }
      </LoadState>
    </Page>
  );
}

/** The receipt takes focus when it appears, so a screen reader reads the reference at once. */
function Receipt({ receipt, onAnother }: { receipt: PublicProposalReceipt; onAnother: () => void }) {
  const pm = useProposalMessages();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Alert data-color="success" className="dr-proposal-receipt">
      <Heading level={2} data-size="sm" tabIndex={-1} ref={heading}>
        {fmt(pm.public.receipt, { reference: receipt.reference })}
      </Heading>
      <Paragraph>{fmt(pm.public.receiptText, { title: receipt.title })}</Paragraph>
      <ButtonRow>
        <Button type="button" variant="secondary" onClick={onAnother}>
          {pm.public.another}
        </Button>
      </ButtonRow>
    </Alert>
  );
}

function PublicForm({
  slug,
  data,
  onReload,
  onSent,
}: {
  slug: string;
  data: PublicProposalForm;
  onReload: () => void;
  onSent: (receipt: PublicProposalReceipt) => void;
}) {
  const pm = useProposalMessages();
  const f = pm.fields;
  const form = useForm();
  const [values, setValues] = useState<ProposalValues>(EMPTY_PROPOSAL);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [home, setHome] = useState('');
  const [website, setWebsite] = useState('');
  const [expired, setExpired] = useState(false);
  const labels = {
    ...proposalLabels(pm),
    submitterName: f.submitterName,
    submitterEmail: f.submitterEmail,
    submitterMunicipality: f.submitterMunicipality,
  };
  return (
    <div className="dr-stack">
      <Paragraph>{fmt(pm.public.intro, { name: data.networkName })}</Paragraph>
      <Paragraph data-size="sm">{pm.public.privacy}</Paragraph>
      {expired && (
        <Alert data-color="warning" role="alert">
          {pm.public.expired}
        </Alert>
      )}
      <SubmitForm
        form={form}
        label={fmt(pm.public.title, { name: data.networkName })}
        submitLabel={pm.public.send}
        submit={() => {
          setExpired(false);
          return form.submit({
            schema: PublicProposalSchema,
            input: {
              ...proposalInput(values),
              submitterName: name,
              submitterEmail: email.trim() || null,
              submitterMunicipality: home || null,
              website,
              formToken: data.formToken,
            },
            labels,
            send: async (body) => {
              try {
                return await api<PublicProposalReceipt>(`/public/networks/${encodeURIComponent(slug)}/proposals`, { method: 'POST', body });
              } catch (error) {
                // A refused form gets a fresh token, so the corrected one is not turned away for an old one; what the
                // person wrote stays. A token too old or too young is no fault of a field they see: it is said plainly.
                const apiError = asApiError(error);
                if (apiError.status > 0) onReload();
                if (!apiError.fields.formToken) throw error;
                const rest = Object.fromEntries(Object.entries(apiError.fields).filter(([path]) => path !== 'formToken'));
                setExpired(Object.keys(rest).length > 0);
                throw new ApiError(apiError.status, apiError.code, pm.public.expired, rest, apiError.requestId);
              }
            },
            done: onSent,
          });
        }}
      >
        <ProposalFieldset
          form={form}
          values={values}
          onChange={setValues}
          focusAreas={data.focusAreas}
          municipalities={data.municipalities}
        />
        <Fieldset>
          <Fieldset.Legend>{pm.public.aboutYou}</Fieldset.Legend>
          <TextField
            state={form}
            name="submitterName"
            label={f.submitterName}
            value={name}
            onChange={setName}
            autoComplete="name"
            required
          />
          <TextField
            state={form}
            name="submitterEmail"
            label={`${f.submitterEmail} ${f.optional}`}
            description={f.submitterEmailDescription}
            type="email"
            value={email}
            onChange={setEmail}
            autoComplete="email"
          />
          <OptionSelect
            state={form}
            name="submitterMunicipality"
            label={`${f.submitterMunicipality} ${f.optional}`}
            value={home}
            onChange={setHome}
            empty={f.noMunicipality}
            options={data.municipalities.map((x) => ({ value: x.number, label: x.name }))}
          />
        </Fieldset>
        {/* For robots only: people neither see nor reach it, and a filled-in value marks the form as spam. */}
        <div className="dr-proposal-honeypot" aria-hidden="true">
          <label htmlFor={form.id('website')}>{f.honeypot}</label>
          <input
            id={form.id('website')}
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={website}
            onChange={(e) => setWebsite(e.target.value)}
          />
        </div>
      </SubmitForm>
    </div>
  );
}
