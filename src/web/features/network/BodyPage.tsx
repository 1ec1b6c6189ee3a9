import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Body, BodyMembership, NetworkOverview } from '../../../shared/network/schema.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { api, useApi } from '../../app/api.ts';
import { ConfirmForm, SuccessMessage } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useNetwork } from '../../app/network-frame.tsx';
import { AppLink, ButtonRow, LoadState, ModalDialog, Section } from '../../app/ui.tsx';
import { FollowButton } from '../follows/index.ts';
import { BodyMeetingsSection } from '../meetings/index.ts';
import { BodyForm } from './BodyForm.tsx';
import { Mandate } from './Mandate.tsx';
import { EndMembershipForm, MembershipForm } from './MembershipForm.tsx';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { RowAction, DataTable } from '../../app/table.tsx';

/** `/n/:slug/organer/:id`: a body's mandate and members; the secretariat keeps both up to date. */
export function BodyPage() {
  const { m } = useI18n();
  const { id = '' } = useParams();
  const network = useNetwork();
  const body = useApi<Body>(`/bodies/${encodeURIComponent(id)}`);
  const title = body.data?.name ?? (body.error ? m.notFound.title : m.common.loading);
  return (
    <Page title={title}>
      {body.data && <FollowButton target={{ kind: 'body', id: body.data.id }} />}
      <LoadState loaded={body}>{(b) => <BodyView network={network} body={b} setBody={body.setData} reload={body.reload} />}</LoadState>
    </Page>
  );
}

type Dialog =
  | { kind: 'editBody' }
  | { kind: 'add' }
  | { kind: 'edit'; membership: BodyMembership }
  | { kind: 'end'; membership: BodyMembership }
  | { kind: 'remove'; membership: BodyMembership };

function BodyView({
  network,
  body,
  setBody,
  reload,
}: {
  network: NetworkOverview;
  body: Body;
  setBody: (b: Body) => void;
  reload: () => void;
}) {
  const { m } = useI18n();
  const location = useLocation();
  const created = (location.state as { created?: string } | null)?.created;
  const { administer: admin, readInternals: internals } = useNetworkCapabilities(body.networkId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [status, setStatus] = useState<string | null>(created ? fmt(m.bodies.bodyCreated, { name: created }) : null);
  const close = () => setDialog(null);
  const saved = (next: Body, message: string) => {
    setDialog(null);
    setBody(next);
    setStatus(message);
  };
  const reloadAndClose = () => {
    setDialog(null);
    reload();
  };

  const sorted = [...body.memberships].sort((a, b) => roleOrder(a) - roleOrder(b) || compareNorwegian(a.personName, b.personName));
  const current = sorted.filter((x) => x.isCurrent);
  const former = sorted.filter((x) => !x.isCurrent);

  return (
    <div className="dr-stack">
      <dl className="dr-facts">
        <dt>{m.bodies.kind}</dt>
        <dd>{m.enums.bodyKinds[body.kind]}</dd>
        <dt>{m.bodies.shortCode}</dt>
        <dd>{body.shortCode ?? m.common.none}</dd>
      </dl>
      <SuccessMessage message={status} />
      {admin && (
        <ButtonRow>
          <Button type="button" variant="secondary" onClick={() => setDialog({ kind: 'editBody' })}>
            {m.bodies.editBody}
          </Button>
        </ButtonRow>
      )}

      <Section id="mandate-heading" title={m.bodies.mandate}>
        {body.mandate ? <Mandate text={body.mandate} /> : <Paragraph>{m.bodies.noMandate}</Paragraph>}
      </Section>

      {internals && <BodyMeetingsSection networkSlug={network.slug} body={body} />}

      <Section id="members-heading" title={m.bodies.membersHeading}>
        {admin && (
          <ButtonRow>
            <Button type="button" onClick={() => setDialog({ kind: 'add' })} disabled={!internals}>
              {m.bodies.addMember}
            </Button>
          </ButtonRow>
        )}
        {current.length === 0 ? (
          <Paragraph>{m.bodies.noMembers}</Paragraph>
        ) : (
          <MembershipTable
            caption={fmt(m.bodies.currentCaption, { name: body.name })}
            rows={current}
            admin={admin}
            linkPeople={internals ? network.slug : null}
            onAction={setDialog}
          />
        )}
        {former.length > 0 && (
          <>
            <Heading level={3} data-size="sm">
              {m.bodies.formerHeading}
            </Heading>
            <MembershipTable
              caption={fmt(m.bodies.formerCaption, { name: body.name })}
              rows={former}
              admin={admin}
              linkPeople={internals ? network.slug : null}
              onAction={setDialog}
            />
          </>
        )}
      </Section>

      <ModalDialog open={dialog?.kind === 'editBody'} onClose={close} title={m.bodies.editBody}>
        <BodyForm
          networkId={body.networkId}
          body={body}
          onCancel={close}
          onReload={reloadAndClose}
          onSaved={(b) => saved(b, m.common.saved)}
        />
      </ModalDialog>
      <ModalDialog
        open={dialog?.kind === 'add' || dialog?.kind === 'edit'}
        onClose={close}
        title={dialog?.kind === 'edit' ? fmt(m.bodies.editMembershipTitle, { name: dialog.membership.personName }) : m.bodies.addMember}
      >
        <MembershipForm
          body={body}
          network={network}
          membership={dialog?.kind === 'edit' ? dialog.membership : undefined}
          onCancel={close}
          onReload={reloadAndClose}
          onSaved={(b, name) => saved(b, dialog?.kind === 'edit' ? m.common.saved : fmt(m.bodies.memberAdded, { name }))}
        />
      </ModalDialog>
      <ModalDialog
        open={dialog?.kind === 'end'}
        onClose={close}
        title={dialog?.kind === 'end' ? fmt(m.bodies.endMembershipTitle, { name: dialog.membership.personName }) : ''}
      >
        {dialog?.kind === 'end' && (
          <EndMembershipForm membership={dialog.membership} onReload={reloadAndClose} onSaved={(b) => saved(b, m.bodies.ended)} />
        )}
      </ModalDialog>
      <ModalDialog open={dialog?.kind === 'remove'} onClose={close} title={m.bodies.removeTitle}>
        {dialog?.kind === 'remove' && (
          <RemoveMembership
            membership={dialog.membership}
            onCancel={close}
            onReload={reloadAndClose}
            onRemoved={(b) => saved(b, m.bodies.removed)}
          />
        )}
      </ModalDialog>
    </div>
  );
}

const ROLE_ORDER = ['chair', 'viceChair', 'member', 'observer', 'secretary', 'deputy'];
const roleOrder = (x: BodyMembership) => ROLE_ORDER.indexOf(x.role);

function MembershipTable({
  caption,
  rows,
  admin,
  linkPeople,
  onAction,
}: {
  caption: string;
  rows: BodyMembership[];
  admin: boolean;
  linkPeople: string | null;
  onAction: (dialog: Dialog) => void;
}) {
  const { m, date } = useI18n();
  return (
    <DataTable
      caption={caption}
      columns={[m.people.name, m.bodies.role, m.bodies.votingRight, m.bodies.municipality, m.bodies.period, admin && m.common.actions]}
    >
      {rows.map((x) => (
        <Table.Row key={x.id}>
          <Table.Cell>
            {linkPeople ? <AppLink to={`/n/${linkPeople}/personer/${x.personId}`}>{x.personName}</AppLink> : x.personName}
            {x.personTitle && (
              <Paragraph data-size="sm" className="dr-muted">
                {x.personTitle}
              </Paragraph>
            )}
          </Table.Cell>
          <Table.Cell>
            {m.enums.bodyRoles[x.role]}
            {x.deputyForName && (
              <Paragraph data-size="sm" className="dr-muted">
                {fmt(m.bodies.deputyForName, { name: x.deputyForName })}
              </Paragraph>
            )}
          </Table.Cell>
          <Table.Cell>{m.enums.votingRights[x.votingRight]}</Table.Cell>
          <Table.Cell>{x.municipalityName ?? m.common.none}</Table.Cell>
          <Table.Cell>
            {x.toDate
              ? fmt(m.bodies.fromTo, { from: date(x.fromDate), to: date(x.toDate) })
              : fmt(m.bodies.fromOnly, { from: date(x.fromDate) })}
          </Table.Cell>
          {admin && (
            <Table.Cell>
              <span className="dr-button-row">
                <RowAction
                  label={fmt(m.bodies.editMembership, { name: x.personName })}
                  onClick={() => onAction({ kind: 'edit', membership: x })}
                >
                  {m.common.edit}
                </RowAction>
                {x.isCurrent && (
                  <RowAction
                    label={fmt(m.bodies.endMembership, { name: x.personName })}
                    onClick={() => onAction({ kind: 'end', membership: x })}
                  >
                    {m.bodies.endShort}
                  </RowAction>
                )}
                <RowAction
                  label={fmt(m.bodies.removeMembership, { name: x.personName })}
                  danger
                  onClick={() => onAction({ kind: 'remove', membership: x })}
                >
                  {m.bodies.removeShort}
                </RowAction>
              </span>
            </Table.Cell>
          )}
        </Table.Row>
      ))}
    </DataTable>
  );
}

function RemoveMembership({
  membership,
  onCancel,
  onReload,
  onRemoved,
}: {
  membership: BodyMembership;
  onCancel: () => void;
  onReload: () => void;
  onRemoved: (body: Body) => void;
}) {
  const { m } = useI18n();
  return (
    <ConfirmForm
      danger
      focusCancel
      confirmLabel={m.bodies.removeButton}
      onConfirm={async () =>
        onRemoved(await api<Body>(`/body-memberships/${membership.id}?version=${membership.version}`, { method: 'DELETE' }))
      }
      onCancel={onCancel}
      onReload={onReload}
    >
      <Paragraph>{fmt(m.bodies.removeConfirm, { name: membership.personName })}</Paragraph>
    </ConfirmForm>
  );
}
